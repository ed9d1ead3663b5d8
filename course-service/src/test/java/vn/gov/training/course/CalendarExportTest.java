package vn.gov.training.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.training.course.CourseFixtures.as;
import static vn.gov.training.course.CourseFixtures.classBody;
import static vn.gov.training.course.CourseFixtures.publishedProgram;
import static vn.gov.training.course.CourseFixtures.scheduleClass;
import static vn.gov.training.course.CourseFixtures.suffix;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import vn.gov.training.platform.testing.RealInfrastructure;

/** The calendar export read back with an independent iCalendar parser (ical4j), and its wire form checked. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class CalendarExportTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @BeforeEach
    void baseData() {
        CourseFixtures.ensureBaseData();
    }

    @Test
    void sessionsComeBackAsEventsWithStableUidsAndEscapedText() throws Exception {
        String programId = publishedProgram("ICS-" + suffix(), "Bồi dưỡng kiến thức quốc phòng và an ninh đối tượng 3");
        LocalDate start = LocalDate.of(2027, 3, 8);
        Map<String, Object> body = classBody("ICS-" + suffix(), programId, start);
        String longTopic = "Chuyên đề 1: Những vấn đề cơ bản về đường lối quốc phòng, an ninh; xây dựng nền quốc "
                + "phòng toàn dân gắn với thế trận an ninh nhân dân\\trong tình hình mới";
        body.put("sessions", List.of(
                Map.of("date", start.toString(), "startTime", "07:30", "endTime", "11:00", "topic", longTopic,
                        "lecturer", "Đại tá Nguyễn Văn Hùng"),
                Map.of("date", start.plusDays(2).toString(), "startTime", "13:30", "endTime", "17:00",
                        "topic", "Thực hành bắn súng, ném lựu đạn")));
        String id = scheduleClass("admin", body);
        List<String> sessionIds = as("staff").get("/api/classes/" + id).then().statusCode(200).extract()
                .path("sessions.sessionId");

        Response response = as("staff").get("/api/classes/" + id + "/calendar.ics");
        assertEquals(200, response.statusCode());
        assertTrue(response.contentType().startsWith("text/calendar"), response.contentType());
        byte[] bytes = response.asByteArray();
        String text = new String(bytes, StandardCharsets.UTF_8);

        // wire form: CRLF only, no physical line longer than 75 octets, long lines folded
        assertTrue(text.endsWith("\r\n"));
        assertTrue(text.replace("\r\n", "").indexOf('\n') < 0, "bare LF found");
        for (String line : text.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "too long: " + line);
        }
        assertTrue(text.contains("\r\n "), "no folded line");

        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(2, events.size());
        VEvent first = events.get(0);
        assertEquals(sessionIds.get(0) + "@training.gov.vn", value(first, Property.UID));
        assertEquals("Bồi dưỡng kiến thức quốc phòng và an ninh đối tượng 3: " + longTopic, value(first, Property.SUMMARY));
        assertEquals("Hội trường A, Trường Chính trị tỉnh Hậu Giang", value(first, Property.LOCATION));
        assertTrue(value(first, Property.DESCRIPTION).contains("Giảng viên: Đại tá Nguyễn Văn Hùng"));
        DtStart<Temporal> dtStart = first.<DtStart<Temporal>>getProperty(Property.DTSTART).orElseThrow();
        assertEquals(LocalDateTime.of(start, LocalTime.of(7, 30)).atZone(VIETNAM).toInstant(),
                Instant.from(dtStart.getDate()));
        DtEnd<Temporal> dtEnd = events.get(1).<DtEnd<Temporal>>getProperty(Property.DTEND).orElseThrow();
        assertEquals(LocalDateTime.of(start.plusDays(2), LocalTime.of(17, 0)).atZone(VIETNAM).toInstant(),
                Instant.from(dtEnd.getDate()));
        assertTrue(text.contains("DTSTART;TZID=Asia/Ho_Chi_Minh:20270308T073000"), text);
        assertTrue(text.contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Ho_Chi_Minh\r\n"), text);

        // the UIDs survive a change of the class, and the SEQUENCE moves on
        Map<String, Object> changed = classBody(null, null, start);
        changed.put("sessions", List.of(Map.of("sessionId", sessionIds.get(0), "date", start.toString(),
                "startTime", "08:00", "endTime", "11:00", "topic", "Khai giảng")));
        as("admin").body(changed).put("/api/classes/" + id).then().statusCode(200);
        Calendar after = new CalendarBuilder().build(new StringReader(
                as("staff").get("/api/classes/" + id + "/calendar.ics").asString()));
        List<VEvent> afterEvents = after.getComponents("VEVENT");
        assertEquals(1, afterEvents.size());
        assertEquals(sessionIds.get(0) + "@training.gov.vn", value(afterEvents.get(0), Property.UID));
        assertEquals("1", value(afterEvents.get(0), Property.SEQUENCE));
    }

    private static String value(VEvent event, String name) {
        return event.<Property>getProperty(name).orElseThrow(() -> new AssertionError("no " + name)).getValue();
    }
}

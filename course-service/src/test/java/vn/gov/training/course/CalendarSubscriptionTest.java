package vn.gov.training.course;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.training.course.CourseFixtures.as;
import static vn.gov.training.course.CourseFixtures.classBody;
import static vn.gov.training.course.CourseFixtures.publishedProgram;
import static vn.gov.training.course.CourseFixtures.scheduleClass;
import static vn.gov.training.course.CourseFixtures.suffix;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.testing.RealInfrastructure;

/** Secret calendar URLs: created with a token, polled without one, revoked; times in Asia/Ho_Chi_Minh. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class CalendarSubscriptionTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Inject
    AuditTrail audit;

    @BeforeEach
    void baseData() {
        CourseFixtures.ensureBaseData();
    }

    @Test
    void aSubscriptionIsPolledWithoutATokenUntilItIsRevoked() throws Exception {
        String programId = publishedProgram("SUB-" + suffix(), "Bồi dưỡng kỹ năng lãnh đạo, quản lý");
        LocalDate start = LocalDate.of(2027, 4, 12);
        String classId = scheduleClass("admin", classBody("SUB-" + suffix(), programId, start));

        Response created = as("staff").post("/api/classes/" + classId + "/calendar-subscriptions");
        assertEquals(201, created.statusCode(), created.asString());
        String url = created.path("url");
        String subscriptionId = created.path("id");
        assertTrue(url.matches("/api/calendar-feeds/[A-Za-z0-9_-]{43}\\.ics"), url);

        Response feed = given().get(url);
        assertEquals(200, feed.statusCode());
        assertTrue(feed.contentType().startsWith("text/calendar"), feed.contentType());
        String text = feed.asString();
        assertTrue(text.contains("DTSTART;TZID=Asia/Ho_Chi_Minh:20270412T073000\r\n"), text);
        assertFalse(text.matches("(?s).*T\\d{6}Z\r\nDTEND.*"), "a UTC time left: " + text);
        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        List<VTimeZone> zones = calendar.getComponents("VTIMEZONE");
        assertEquals(1, zones.size());
        assertEquals("Asia/Ho_Chi_Minh", zones.get(0).getProperty(Property.TZID).orElseThrow().getValue());
        assertEquals("+0700", zones.get(0).getObservances().get(0).getProperty(Property.TZOFFSETTO)
                .orElseThrow().getValue());
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(2, events.size());
        DtStart<Temporal> dtStart = events.get(0).<DtStart<Temporal>>getProperty(Property.DTSTART).orElseThrow();
        assertEquals(LocalDateTime.of(start, LocalTime.of(7, 30)).atZone(VIETNAM).toInstant(),
                ZonedDateTime.from(dtStart.getDate()).toInstant());

        // listed (without the secret) to its creator, not to another user; audited
        List<Map<String, Object>> mine = as("staff").get("/api/classes/" + classId + "/calendar-subscriptions")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(1, mine.size());
        assertNull(mine.get(0).get("url"));
        assertTrue(as("leader").get("/api/classes/" + classId + "/calendar-subscriptions")
                .then().statusCode(200).extract().jsonPath().getList("$").isEmpty());
        as("admin").get("/api/classes/" + classId + "/calendar-subscriptions").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.is(1));

        // another user cannot revoke it (not disclosed), integration clients change nothing
        as("leader").delete("/api/classes/" + classId + "/calendar-subscriptions/" + subscriptionId)
                .then().statusCode(404).body("code", org.hamcrest.Matchers.is("calendar-subscription-not-found"));
        as("integration").post("/api/classes/" + classId + "/calendar-subscriptions").then().statusCode(403);

        // revoked: the URL answers exactly what an unknown secret answers
        as("staff").delete("/api/classes/" + classId + "/calendar-subscriptions/" + subscriptionId)
                .then().statusCode(200).body("active", org.hamcrest.Matchers.is(false));
        as("staff").delete("/api/classes/" + classId + "/calendar-subscriptions/" + subscriptionId)
                .then().statusCode(200);
        Response revoked = given().get(url);
        Response unknown = given().get("/api/calendar-feeds/" + "A".repeat(43) + ".ics");
        assertEquals(404, revoked.statusCode());
        assertEquals(404, unknown.statusCode());
        for (String field : List.of("status", "code", "title", "detail")) {
            assertEquals(unknown.<Object>path(field), revoked.<Object>path(field), field);
        }
        assertEquals("calendar-feed-not-found", revoked.path("code"));

        List<String> actions = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                audit.history("calendar-subscription", subscriptionId).stream().map(r -> r.action + " " + r.actor)
                        .toList());
        assertEquals(List.of("created staff", "revoked staff"), actions);
    }

    @Test
    void aClassWithoutSessionsIsOneAllDayEventOverItsDates() throws Exception {
        String programId = publishedProgram("SUB-" + suffix(), "Bồi dưỡng ngạch chuyên viên");
        LocalDate start = LocalDate.of(2027, 5, 10);
        Map<String, Object> body = classBody("SUB-" + suffix(), programId, start);
        body.put("sessions", List.of());
        String classId = scheduleClass("admin", body);
        String url = as("unit-officer").post("/api/classes/" + classId + "/calendar-subscriptions")
                .then().statusCode(201).extract().path("url");

        String text = given().get(url).then().statusCode(200).extract().asString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        calendar.validate();
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(1, events.size());
        assertEquals(classId + "@training.gov.vn", events.get(0).getProperty(Property.UID).orElseThrow().getValue());
        assertTrue(text.contains("DTSTART;VALUE=DATE:20270510\r\n"), text);
        assertTrue(text.contains("DTEND;VALUE=DATE:20270515\r\n"), text);
        assertEquals(1, calendar.getComponents("VTIMEZONE").size());
    }
}

package vn.gov.training.enrolment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.testing.Tokens;

/** A person's calendar as a secret URL: their unit's officer subscribes, a calendar app polls without a token. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class PersonCalendarTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @jakarta.inject.Inject
    vn.gov.training.platform.audit.AuditTrail audit;

    @BeforeEach
    void units() {
        Copies.units();
    }

    @Test
    void theUnitOfficerSubscribesAndTheFeedShowsTheApprovedClassesUntilRevoked() throws Exception {
        Map<String, Object> person = Copies.person(UUID.randomUUID());
        Copies.person(person);
        UUID personnelId = UUID.fromString((String) person.get("personnelId"));
        Map<String, Object> withSessions = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 30);
        Copies.classEvent("opened", withSessions);
        Map<String, Object> withoutSessions = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 30);
        withoutSessions.put("sessions", List.of());
        Copies.classEvent("opened", withoutSessions);
        for (Map<String, Object> cls : List.of(withSessions, withoutSessions)) {
            Api.approve(Api.nominated(personnelId, UUID.fromString((String) cls.get("classId"))));
        }
        String base = "/api/personnel/" + personnelId + "/calendar-subscriptions";

        // another unit's officer and a plain user are refused; the person's own unit officer subscribes
        Api.post("unit-officer-2", base, Map.of()).then().statusCode(403)
                .body("code", equalTo("person-calendar-out-of-scope"));
        Api.post("staff", base, Map.of()).then().statusCode(403);
        Api.get("unit-officer-2", base).then().statusCode(403);
        Api.post("unit-officer", "/api/personnel/" + UUID.randomUUID() + "/calendar-subscriptions", Map.of()).then()
                .statusCode(404).body("code", equalTo("person-unknown"));
        Response created = Api.post("unit-officer", base, Map.of());
        assertEquals(201, created.statusCode(), created.asString());
        String url = created.path("url");
        String subscriptionId = created.path("id");
        assertTrue(url.matches("/api/person-calendar-feeds/[A-Za-z0-9_-]{43}\\.ics"), url);

        String text = given().get(url).then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/calendar"))
                .extract().asString();
        LocalDate sessionDay = LocalDate.parse((String) withSessions.get("startDate"));
        String day = sessionDay.format(DateTimeFormatter.BASIC_ISO_DATE);
        assertTrue(text.contains("DTSTART;TZID=Asia/Ho_Chi_Minh:" + day + "T073000\r\n"), text);
        assertTrue(text.contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Ho_Chi_Minh\r\n"), text);
        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        calendar.validate();
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(2, events.size());
        VEvent session = events.stream().filter(e -> value(e, Property.UID).equals(Copies.FIRST_SESSION + "@training.gov.vn")).findFirst()
                .orElseThrow();
        DtStart<Temporal> start = session.<DtStart<Temporal>>getProperty(Property.DTSTART).orElseThrow();
        assertEquals(LocalDateTime.of(sessionDay, LocalTime.of(7, 30)).atZone(VIETNAM).toInstant(),
                ZonedDateTime.from(start.getDate()).toInstant());
        VEvent allDay = events.stream()
                .filter(e -> value(e, Property.UID).equals(withoutSessions.get("classId") + "@training.gov.vn"))
                .findFirst().orElseThrow();
        assertEquals(LocalDate.parse((String) withoutSessions.get("startDate")),
                LocalDate.from(allDay.<DtStart<Temporal>>getProperty(Property.DTSTART).orElseThrow().getDate()));

        Api.get("province-manager", base).then().statusCode(200).body("size()", equalTo(1))
                .body("[0].url", equalTo(null)).body("[0].active", equalTo(true));

        // revoked: the URL answers what an unknown secret answers
        given().header("Authorization", Tokens.bearer("unit-officer")).delete(base + "/" + subscriptionId).then()
                .statusCode(200).body("active", equalTo(false));
        Response revoked = given().get(url);
        Response unknown = given().get("/api/person-calendar-feeds/" + "B".repeat(43) + ".ics");
        assertEquals(404, revoked.statusCode());
        assertEquals(404, unknown.statusCode());
        for (String field : List.of("status", "code", "title", "detail")) {
            assertEquals(unknown.<Object>path(field), revoked.<Object>path(field), field);
        }
        List<String> actions = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                audit.history("calendar-subscription", subscriptionId).stream().map(r -> r.action + " " + r.actor)
                        .toList());
        assertEquals(List.of("created unit-officer", "revoked unit-officer"), actions);
    }

    private static String value(VEvent event, String name) {
        return event.<Property>getProperty(name).orElseThrow(() -> new AssertionError("no " + name)).getValue();
    }
}

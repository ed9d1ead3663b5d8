package vn.gov.training.reporting;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import vn.gov.training.platform.testing.Kafka;
import vn.gov.training.platform.testing.Poll;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.testing.Tokens;
import vn.gov.training.reporting.service.ChangeFeed;
import vn.gov.training.platform.testing.EventContract;

/**
 * The change feed over a scenario of events on the four topics: every event once, each aggregate's in the order
 * published, resumed from a cursor, filtered by type prefixes and by the caller's units, without dates of birth,
 * and 410 for a cursor whose events retention removed.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChangeFeedTest {

    static final String BATCH = "application/cloudevents-batch+json";

    @Inject
    ChangeFeed feed;

    static final String S = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    static final String MINE = "HG.VT.F" + S;
    static final String OTHER = "HG.CT.F" + S;
    static final String P1 = UUID.randomUUID().toString();
    static final String P2 = UUID.randomUUID().toString();
    static final String CLASS = UUID.randomUUID().toString();
    static final String PROGRAM = UUID.randomUUID().toString();
    static final String E1 = UUID.randomUUID().toString();
    static final String E2 = UUID.randomUUID().toString();
    /** The scenario's records in the order sent, and each one's event id. */
    static final List<ProducerRecord<String, String>> SENT = new ArrayList<>();
    static final Map<String, String> TOPIC_OF = new LinkedHashMap<>();
    /** Every event of the scenario as the admin reads it, in feed order. */
    static List<Map<String, Object>> read;

    @BeforeAll
    static void sendScenario() {
        add("org-unit", MINE, "org-unit.created", null, """
                {"code":"%s","name":"Phòng F","kind":"DEPARTMENT","parentCode":"HG.VT","validFrom":"2000-01-01",
                 "effectiveOn":"2000-01-01"}"""
                .formatted(MINE));
        add("org-unit", OTHER, "org-unit.created", null, """
                {"code":"%s","name":"Phòng G","kind":"DEPARTMENT","parentCode":"HG.CT","validFrom":"2000-01-01",
                 "effectiveOn":"2000-01-01"}"""
                .formatted(OTHER));
        add("personnel", P1, "personnel.registered", null, person(P1, MINE, "Nguyễn Văn Một"));
        add("personnel", P1, "personnel.updated", null, person(P1, MINE, "Nguyễn Văn Một Hai"));
        add("personnel", P2, "personnel.registered", null, person(P2, OTHER, "Trần Thị Hai"));
        add("course", PROGRAM, "program.published", null, """
                {%s}""".formatted(program()));
        add("course", CLASS, "class.scheduled", null, """
                {"classId":"%s","code":"L-%s","program":{%s},"institutionCode":"TCT-HG","organisingUnitCode":"%s",
                 "location":"DOMESTIC","country":"VN","startDate":"2031-03-01","endDate":"2031-03-05","capacity":30,
                 "minCapacity":1,"registrationOpensOn":"2031-01-01","registrationClosesOn":"2031-02-01",
                 "costPerLearnerVnd":1000000,"funding":[{"source":"UNIT","percent":100}],"status":"PLANNED",
                 "sessions":[]}""".formatted(CLASS, S, program(), MINE));
        add("enrolment", E1, "enrolment.nominated", null, enrolment(E1, P1, MINE, "NOMINATED"));
        add("enrolment", E1, "enrolment.completed", null, enrolment(E1, P1, MINE, "COMPLETED"));
        add("enrolment", E1, "commitment.started", null, """
                {"commitmentId":"%s","enrolmentId":"%s","personnelId":"%s","startsOn":"2031-04-01",
                 "endsOn":"2032-04-01","months":12,"costVnd":1000000,"status":"ACTIVE","closedOn":null,
                 "closedReason":null}"""
                .formatted(UUID.randomUUID(), E1, P1));
        add("enrolment", E2, "enrolment.nominated", null, enrolment(E2, P2, OTHER, "NOMINATED"));
        // P1's first event again (a redelivery, the same id) before P2's on the same partition: recorded once
        List<ProducerRecord<String, String>> withRedelivery = new ArrayList<>(SENT);
        ProducerRecord<String, String> first = SENT.get(2);
        withRedelivery.add(4, new ProducerRecord<>(first.topic(), first.partition(), first.key(), first.value(),
                first.headers()));
        try (KafkaCompanion kafka = Kafka.companion()) {
            kafka.produceStrings().fromRecords(withRedelivery).awaitCompletion();
        }
    }

    /** Reads the feed as an integrator would, from the start, until every event of the scenario is there. */
    static synchronized List<Map<String, Object>> scenarioAsRead() {
        if (read == null) {
            List<Map<String, Object>> mine = new ArrayList<>();
            String[] cursor = {null};
            Poll.until(Duration.ofSeconds(600), () -> {
                while (true) {
                    // no cursor at first: from the oldest event retained
                    Response page = page("admin", (cursor[0] == null ? "" : "after=" + cursor[0] + "&") + "limit=1000");
                    assertEquals(200, page.statusCode(), page.asString());
                    List<Map<String, Object>> events = page.jsonPath().getList("$");
                    events.stream().filter(e -> TOPIC_OF.containsKey(e.get("id"))).forEach(mine::add);
                    cursor[0] = page.header("Feed-Cursor");
                    if (events.size() < 1000) {
                        return mine.size();
                    }
                }
            }, n -> n >= SENT.size());
            read = mine;
        }
        return read;
    }

    /** Every event once, a redelivered one too (the feed's unique event id is its claim), in each aggregate's order. */
    @Test
    void everyEventOnceAndEachAggregatesInTheOrderPublished() {
        List<Map<String, Object>> events = scenarioAsRead();
        assertEquals(SENT.size(), events.size());
        assertEquals(TOPIC_OF.keySet(), events.stream().map(e -> (String) e.get("id")).collect(Collectors.toSet()));
        for (String topic : List.of("org-unit", "personnel", "course", "enrolment")) {
            List<String> published = TOPIC_OF.entrySet().stream().filter(e -> e.getValue().equals(topic))
                    .map(Map.Entry::getKey).toList();
            List<String> fed = events.stream().map(e -> (String) e.get("id")).filter(published::contains).toList();
            assertEquals(published, fed, "topic " + topic);
        }
        Map<String, Object> first = events.get(0);
        assertEquals("1.0", first.get("specversion"));
        assertEquals("/training/test", first.get("source"));
        assertEquals("application/json", first.get("datacontenttype"));
        assertTrue(((String) first.get("type")).startsWith("vn.gov.training."));
        // cursors increase along the feed
        List<Long> cursors = events.stream().map(e -> Long.parseLong((String) e.get("feedcursor"))).toList();
        assertEquals(cursors.stream().sorted().toList(), cursors);
    }

    @Test
    void resumesFromACursor() {
        List<Map<String, Object>> events = scenarioAsRead();
        Map<String, Object> fifth = events.get(4);
        List<String> rest = events.subList(5, events.size()).stream().map(e -> (String) e.get("id")).toList();
        List<String> resumed = new ArrayList<>();
        String cursor = (String) fifth.get("feedcursor");
        while (resumed.size() < rest.size()) {
            Response page = page("integration", "after=" + cursor + "&limit=2");
            assertEquals(200, page.statusCode(), page.asString());
            assertTrue(page.contentType().startsWith(BATCH), page.contentType());
            List<Map<String, Object>> batch = page.jsonPath().getList("$");
            assertFalse(batch.isEmpty(), "the feed ended before the scenario's last event");
            assertTrue(batch.size() <= 2);
            batch.stream().map(e -> (String) e.get("id")).filter(TOPIC_OF::containsKey).forEach(resumed::add);
            cursor = page.header("Feed-Cursor");
            assertTrue(page.header("Link").contains("after=" + cursor), page.header("Link"));
        }
        assertEquals(rest, resumed);
    }

    @Test
    void filtersByTypePrefixes() {
        List<Map<String, Object>> events = scenarioAsRead();
        long before = Long.parseLong((String) events.get(0).get("feedcursor")) - 1;
        List<String> types = readAll("admin", before, "vn.gov.training.enrolment.,vn.gov.training.commitment.")
                .stream().filter(e -> TOPIC_OF.containsKey(e.get("id"))).map(e -> (String) e.get("type")).toList();
        assertEquals(List.of("vn.gov.training.enrolment.nominated.v1", "vn.gov.training.enrolment.completed.v1",
                "vn.gov.training.commitment.started.v1", "vn.gov.training.enrolment.nominated.v1"), types);
    }

    @Test
    void aUnitOfficerReadsTheEventsOfTheirUnitsOnlyAndNobodyReadsDatesOfBirth() {
        List<Map<String, Object>> events = scenarioAsRead();
        long before = Long.parseLong((String) events.get(0).get("feedcursor")) - 1;
        // the officer's scope (HG.VT) learns the new unit from the org-unit topic
        Set<String> seen = Poll.until(Duration.ofSeconds(60), () -> readAll("unit-officer", before, "").stream()
                .map(e -> (String) e.get("subject")).filter(s -> s != null && (s.equals(MINE) || s.equals(P1)
                        || s.equals(CLASS) || s.equals(PROGRAM) || s.equals(E1) || s.equals(OTHER) || s.equals(P2)
                        || s.equals(E2))).collect(Collectors.toSet()), s -> s.contains(MINE));
        assertEquals(Set.of(MINE, P1, CLASS, PROGRAM, E1), seen);
        for (Map<String, Object> e : readAll("integration", before, "vn.gov.training.personnel.")) {
            if (P1.equals(e.get("subject"))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> data = (Map<String, Object>) e.get("data");
                assertEquals(MINE, data.get("orgUnitCode"));
                assertFalse(data.containsKey("dateOfBirth"), "date of birth in the feed: " + data);
                assertFalse(data.containsKey("email"), "e-mail address in the feed: " + data);
            }
        }
        assertEquals(403, page("staff", "").statusCode());
        assertEquals(401, given().accept(BATCH).get("/api/feed").statusCode());
    }

    @Test
    @Order(Integer.MAX_VALUE) // removes the feed's events: last
    void badParametersAreProblemsAndAnExpiredCursorIsGone() {
        for (String query : List.of("limit=0", "limit=1001", "after=-1", "after=abc", "types=VN%25")) {
            Response r = page("admin", query);
            assertEquals(400, r.statusCode(), query);
            assertEquals("feed-parameter-invalid", r.jsonPath().getString("code"), query);
        }
        // retention removes what was recorded before the cut-off: a cursor before a removed event has expired
        long before = Long.parseLong((String) scenarioAsRead().get(0).get("feedcursor")) - 1;
        feed.expireBefore(Instant.now());
        Response gone = page("integration", "after=" + before);
        assertEquals(410, gone.statusCode(), gone.asString());
        assertEquals("application/problem+json", gone.contentType().split(";")[0]);
        assertEquals("feed-cursor-expired", gone.jsonPath().getString("code"));
        // without a cursor the feed starts after the removed events, and goes on from the cursor it gives
        Response fresh = page("integration", "");
        assertEquals(200, fresh.statusCode(), fresh.asString());
        assertEquals(200, page("integration", "after=" + fresh.header("Feed-Cursor")).statusCode());
    }

    private static List<Map<String, Object>> readAll(String user, long after, String types) {
        List<Map<String, Object>> all = new ArrayList<>();
        long cursor = after;
        while (true) {
            Response page = page(user, "after=" + cursor + "&limit=1000" + (types.isEmpty() ? "" : "&types=" + types));
            assertEquals(200, page.statusCode(), page.asString());
            List<Map<String, Object>> events = page.jsonPath().getList("$");
            all.addAll(events);
            cursor = Long.parseLong(page.header("Feed-Cursor"));
            if (events.size() < 1000) {
                return all;
            }
        }
    }

    private static Response page(String user, String query) {
        return given().header("Authorization", Tokens.bearer(user)).accept(BATCH)
                .urlEncodingEnabled(false).get(query.isEmpty() ? "/api/feed" : "/api/feed?" + query);
    }

    private static String person(String id, String unit, String name) {
        return """
                {"personnelId":"%s","fullName":"%s","gender":"MALE","ethnicity":"Kinh","dateOfBirth":"1980-01-01",
                 "email":"can-bo@haugiang.gov.vn",
                 "category":"CIVIL_SERVANT","orgUnitCode":"%s","status":"ACTIVE","startedServiceOn":"2010-01-01",
                 "effectiveOn":"2010-01-01","qualifications":[],"ratings":[],"plannedTitles":[]}"""
                .formatted(id, name, unit);
    }

    private static String enrolment(String id, String person, String unit, String status) {
        return """
                {"enrolmentId":"%s","personnelId":"%s","classId":"%s","programId":"%s","category":"DIGITAL_SKILLS",
                 "level":"BASIC","deliveryMode":"ONLINE","location":"DOMESTIC","startDate":"2031-03-01",
                 "endDate":"2031-03-05","nominatingUnitCode":"%s","personOrgUnitCode":"%s",
                 "personCategory":"CIVIL_SERVANT","status":"%s","fit":{"assessment":"FIT","reasons":[]},
                 "fundingSource":"UNIT","fundingAmountVnd":1000000,"costVnd":1000000,"periodsAttended":0,
                 "completedOn":%s,"grade":null,"exams":[],"effectiveOn":"2031-03-01"}"""
                .formatted(id, person, CLASS, PROGRAM, unit, unit, status,
                        "COMPLETED".equals(status) ? "\"2031-03-05\"" : "null");
    }

    /** The members of the scenario's programme, as in program.* events and inside class.* events. */
    private static String program() {
        return """
                "programId":"%s","code":"F-%s","version":1,"name":"Chương trình F","category":"DIGITAL_SKILLS",
                 "level":"BASIC","periods":40,"deliveryMode":"ONLINE","credential":"CERTIFICATE",
                 "yearlyMinimumPeriods":40,"targetGroups":{"categories":[],"rankCodes":[],"titleCodes":[],
                 "jobPositionCodes":[],"managementTiers":[],"defenceGroups":[]},"prerequisites":[],
                 "requiredRankCodes":[],"postgraduate":false,"overseas":false,"maxExitExamRetakes":1,
                 "status":"PUBLISHED\"""".formatted(PROGRAM, S);
    }

    private static void add(String topic, String key, String type, String time, String data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, 0, key, data);
        String id = UUID.randomUUID().toString();
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", id);
        header(record, "ce_source", "/training/test");
        header(record, "ce_type", "vn.gov.training." + type + ".v1");
        header(record, "ce_subject", key);
        if (time != null) {
            header(record, "ce_time", time);
        }
        header(record, "content-type", "application/json");
        EventContract.published().assertValid(record);
        SENT.add(record);
        TOPIC_OF.put(id, topic);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

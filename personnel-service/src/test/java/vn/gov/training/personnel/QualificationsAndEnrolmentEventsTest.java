package vn.gov.training.personnel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import vn.gov.training.platform.testing.Kafka;
import vn.gov.training.platform.testing.Poll;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.testing.Tokens;
import vn.gov.training.platform.testing.EventContract;

/** Qualifications, levels on a date, gaps, succession plans, and the enrolment events that change them. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class QualificationsAndEnrolmentEventsTest {

    @BeforeEach
    void units() {
        TestData.ensureUnits();
    }

    private static ProducerRecord<String, String> enrolmentEvent(String eventId, String type, String enrolmentId,
                                                                 String personnelId, String extra) {
        // one partition, so that the consumer provably reads them in the order they are sent
        ProducerRecord<String, String> record = new ProducerRecord<>("enrolment", 0, enrolmentId, """
                {"enrolmentId":"%s","personnelId":"%s","classId":"%s","category":"POLITICAL_THEORY",
                 "level":"INTERMEDIATE","status":"%s","fit":{"assessment":"FIT","reasons":[]},"exams":[],
                 "effectiveOn":"2025-11-20",%s,"unknownField":{"x":1}}"""
                .formatted(enrolmentId, personnelId, UUID.randomUUID(), type.toUpperCase(), extra));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", eventId);
        header(record, "ce_source", "/training/enrolment-service");
        header(record, "ce_type", "vn.gov.training.enrolment." + type + ".v1");
        header(record, "ce_time", "2025-11-20T10:00:00Z");
        header(record, "content-type", "application/json");
        EventContract.published().assertValid(record);
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonPath get(String path) {
        return given().header("Authorization", Tokens.bearer("admin")).get(path).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void levelsOnADateAreTheHighestHeldThen() {
        String id = TestData.register(TestData.person("Trần Thị Ngọc Hân", "FEMALE", "HG.VT"));
        for (Map<String, Object> q : List.<Map<String, Object>>of(
                Map.of("kind", "EDUCATION", "level", "BACHELOR", "awardedOn", "2008-06-30"),
                Map.of("kind", "EDUCATION", "level", "MASTER", "awardedOn", "2016-12-01",
                        "institution", "Trường Đại học Cần Thơ", "credentialNumber", "ThS-2016-123"),
                Map.of("kind", "POLITICAL_THEORY", "level", "INTERMEDIATE", "awardedOn", "2020-09-15"))) {
            given().header("Authorization", Tokens.bearer("unit-officer")).contentType(ContentType.JSON).body(q)
                    .post("/api/personnel/" + id + "/qualifications").then().statusCode(201)
                    .body("source", equalTo("MANUAL"));
        }
        given().header("Authorization", Tokens.bearer("admin")).queryParam("at", "2015-01-01")
                .get("/api/personnel/" + id + "/levels").then().statusCode(200)
                .body("kind", contains("EDUCATION")).body("level", contains("BACHELOR"));
        given().header("Authorization", Tokens.bearer("admin")).queryParam("at", "2022-06-30")
                .get("/api/personnel/" + id + "/levels").then().statusCode(200)
                .body("find { it.kind == 'EDUCATION' }.level", equalTo("MASTER"))
                .body("find { it.kind == 'POLITICAL_THEORY' }.level", equalTo("INTERMEDIATE"));
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(Map.of("kind", "POLITICAL_THEORY", "level", "MASTER", "awardedOn", "2020-01-01"))
                .post("/api/personnel/" + id + "/qualifications").then().statusCode(400)
                .body("errors[0].field", equalTo("level"));
        given().header("Authorization", Tokens.bearer("admin")).queryParam("level", "POLITICAL_THEORY:INTERMEDIATE")
                .queryParam("q", "ngoc han").get("/api/personnel").then().statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void theSameQualificationRecordedTwiceIsOneQualificationWithOneEvent() throws Exception {
        String id = TestData.register(TestData.person("Đặng Thị Mỹ Lệ", "FEMALE", "HG.VT"));
        Map<String, Object> master = Map.of("kind", "EDUCATION", "level", "MASTER", "awardedOn", "2018-06-30");
        try (KafkaCompanion kafka = Kafka.companion()) {
            ConsumerTask<String, String> task = kafka.consumeStrings().fromTopics("personnel");
            String first = given().header("Authorization", Tokens.bearer("unit-officer")).contentType(ContentType.JSON)
                    .body(master).post("/api/personnel/" + id + "/qualifications").then().statusCode(201)
                    .extract().path("id");
            given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON).body(master)
                    .post("/api/personnel/" + id + "/qualifications").then().statusCode(200)
                    .body("id", equalTo(first));
            // two identical requests at once: still one
            Map<String, Object> theory = Map.of("kind", "POLITICAL_THEORY", "level", "INTERMEDIATE",
                    "awardedOn", "2019-09-15");
            List<CompletableFuture<Integer>> both = List.of(1, 2).stream().map(n -> CompletableFuture.supplyAsync(
                    () -> given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                            .body(theory).post("/api/personnel/" + id + "/qualifications").statusCode())).toList();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (CompletableFuture<Integer> f : both) {
                statuses.add(f.get());
            }
            statuses.sort(null);
            assertEquals(List.of(200, 201), statuses);
            // the same level on another date is another qualification
            given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                    .body(Map.of("kind", "EDUCATION", "level", "MASTER", "awardedOn", "2019-06-30"))
                    .post("/api/personnel/" + id + "/qualifications").then().statusCode(201);

            JsonPath qualifications = get("/api/personnel/" + id + "/qualifications");
            assertEquals(List.of("2018-06-30", "2019-06-30", "2019-09-15"), qualifications.getList("awardedOn"));
            // events of one person arrive in order: once the last one is in, any duplicate would be too
            List<ConsumerRecord<String, String>> recorded = Poll.until(Duration.ofSeconds(30),
                    () -> task.getRecords().stream().filter(r -> id.equals(r.key()) && new String(r.headers()
                            .lastHeader("ce_type").value(), StandardCharsets.UTF_8).endsWith(".qualification-recorded.v1"))
                            .toList(),
                    records -> records.stream().anyMatch(r -> r.value().contains("\"2019-06-30\"")
                            && r.value().contains("\"effectiveOn\":\"2019-06-30\"")));
            task.stop();
            assertEquals(3, recorded.size());
        }
    }

    @Test
    void aCompletionDeliveredTwiceRecordsTheLevelOnceAndClosesTheGap() {
        String id = TestData.register(TestData.person("Lê Minh Khôi", "MALE", "HG.VT.P1"));
        given().header("Authorization", Tokens.bearer("unit-officer")).contentType(ContentType.JSON)
                .body(Map.of("titleCode", "COMMUNE_VICE_CHAIR", "orgUnitCode", "HG.VT.P1", "termStart", 2025,
                        "termEnd", 2030, "decisionNumber", "123-QĐ/TU", "decisionDate", "2025-05-10"))
                .post("/api/personnel/" + id + "/succession-plans").then().statusCode(201)
                .body("status", equalTo("ACTIVE"));
        given().header("Authorization", Tokens.bearer("admin")).get("/api/personnel/" + id + "/gaps")
                .then().statusCode(200)
                .body("find { it.kind == 'POLITICAL_THEORY' }.role", equalTo("PLANNED_TITLE"))
                .body("find { it.kind == 'POLITICAL_THEORY' }.programCategory", equalTo("POLITICAL_THEORY"))
                .body("find { it.kind == 'POLITICAL_THEORY' }.programLevel", equalTo("INTERMEDIATE"))
                .body("find { it.kind == 'DEFENCE_SECURITY' }.programCategory", equalTo("DEFENCE_SECURITY"));

        String enrolmentId = UUID.randomUUID().toString();
        String completed = UUID.randomUUID().toString();
        String grants = "\"grantsLevel\":{\"kind\":\"POLITICAL_THEORY\",\"level\":\"INTERMEDIATE\"},"
                + "\"credentialNumber\":\"TCLLCT-2025-77\",\"completedOn\":\"2025-11-15\"";
        try (KafkaCompanion kafka = Kafka.companion()) {
            kafka.produceStrings().fromRecords(
                    enrolmentEvent(completed, "completed", enrolmentId, id, grants),
                    enrolmentEvent(completed, "completed", enrolmentId, id, grants)).awaitCompletion();
            // a later failure of another class, sent after both deliveries: once its effect shows, both were read
            String failedEnrolment = UUID.randomUUID().toString();
            kafka.produceStrings().fromRecords(enrolmentEvent(UUID.randomUUID().toString(), "failed",
                    failedEnrolment, id, "\"reason\":\"trượt thi cuối khóa\"")).awaitCompletion();
            Poll.until(Duration.ofSeconds(60), () -> get("/api/personnel/" + id + "/succession-plans"),
                    plans -> plans.getBoolean("[0].reviewFlag"));
        }
        JsonPath qualifications = get("/api/personnel/" + id + "/qualifications");
        assertEquals(1, qualifications.getList("").size(), qualifications.prettify());
        assertEquals("ENROLMENT", qualifications.getString("[0].source"));
        assertEquals("2025-11-15", qualifications.getString("[0].awardedOn"));
        assertEquals("TCLLCT-2025-77", qualifications.getString("[0].credentialNumber"));
        given().header("Authorization", Tokens.bearer("admin")).get("/api/personnel/" + id + "/gaps")
                .then().statusCode(200).body("kind", not(hasItem("POLITICAL_THEORY")));
        given().header("Authorization", Tokens.bearer("admin")).get("/api/personnel/" + id + "/succession-plans")
                .then().statusCode(200).body("[0].status", equalTo("ACTIVE"))
                .body("[0].reviewReason", org.hamcrest.Matchers.startsWith("ENROLMENT_FAILED"));
        given().header("Authorization", Tokens.bearer("admin")).queryParam("unit", "HG.VT").queryParam("term", "2025-2030")
                .queryParam("status", "ACTIVE").get("/api/succession-plans").then().statusCode(200)
                .body("items.personnelId", hasItem(id));
        given().header("Authorization", Tokens.bearer("unit-officer-2")).queryParam("term", "2025-2030")
                .get("/api/succession-plans").then().statusCode(200).body("items.personnelId", not(hasItem(id)));
    }

    /**
     * Results of one person sent together (so that they come in one batch, applied set-based): two completions
     * granting two levels, a replay of the first under another event id, and a failure. Each level is recorded once,
     * the plan is flagged, each event the person's changes published carries what was recorded before it, and the
     * national file gets one TRAINING section per enrolment and one LEVEL section per level.
     */
    @Test
    void resultsOfOnePersonInOneBatchRecordEachLevelOnceInOrder() {
        String id = TestData.register(TestData.person("Trịnh Thu Hà", "FEMALE", "HG.VT.P1"));
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(Map.of("titleCode", "COMMUNE_VICE_CHAIR", "orgUnitCode", "HG.VT.P1", "termStart", 2025,
                        "termEnd", 2030, "decisionNumber", "124-QĐ/TU", "decisionDate", "2025-05-10"))
                .post("/api/personnel/" + id + "/succession-plans").then().statusCode(201);
        String theory = UUID.randomUUID().toString();
        String defence = UUID.randomUUID().toString();
        String theoryGrants = "\"grantsLevel\":{\"kind\":\"POLITICAL_THEORY\",\"level\":\"INTERMEDIATE\"},"
                + "\"completedOn\":\"2025-06-15\"";
        String defenceGrants = "\"grantsLevel\":{\"kind\":\"DEFENCE_SECURITY\",\"level\":\"GROUP_4\"},"
                + "\"completedOn\":\"2025-09-20\"";
        ProducerRecord<String, String> theoryCompleted = enrolmentEvent(UUID.randomUUID().toString(), "completed",
                theory, id, theoryGrants);
        // the same completion replayed under another event id
        ProducerRecord<String, String> replayed = new ProducerRecord<>("enrolment", 0, theory,
                theoryCompleted.value());
        theoryCompleted.headers().forEach(h -> replayed.headers().add(h.key(), h.key().equals("ce_id")
                ? UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8) : h.value()));
        try (KafkaCompanion kafka = Kafka.companion()) {
            ConsumerTask<String, String> published = kafka.consumeStrings().fromTopics("personnel");
            kafka.produceStrings().fromRecords(theoryCompleted,
                    enrolmentEvent(UUID.randomUUID().toString(), "completed", defence, id, defenceGrants), replayed,
                    enrolmentEvent(UUID.randomUUID().toString(), "failed", UUID.randomUUID().toString(), id,
                            "\"reason\":\"trượt thi cuối khóa\"")).awaitCompletion();
            List<ConsumerRecord<String, String>> mine = Poll.until(Duration.ofSeconds(60),
                    () -> published.getRecords().stream().filter(r -> id.equals(r.key())).toList(),
                    records -> records.stream().filter(r -> type(r).endsWith("qualification-recorded.v1")).count() == 2
                            && type(records.getLast()).endsWith("succession-plan-changed.v1"));
            published.stop();
            List<ConsumerRecord<String, String>> results = mine.subList(mine.size() - 3, mine.size());
            results.forEach(EventContract.published()::assertValid);
            assertEquals(List.of("qualification-recorded", "qualification-recorded", "succession-plan-changed"),
                    results.stream().map(r -> type(r).replaceAll(".*\\.personnel\\.|\\.v1$", "")).toList());
            assertEquals(List.of(List.of("POLITICAL_THEORY"), List.of("POLITICAL_THEORY", "DEFENCE_SECURITY"),
                    List.of("POLITICAL_THEORY", "DEFENCE_SECURITY")), results.stream()
                    .map(r -> JsonPath.from(r.value()).<String>getList("qualifications.kind")).toList());
        }
        JsonPath qualifications = get("/api/personnel/" + id + "/qualifications");
        assertEquals(List.of("POLITICAL_THEORY/INTERMEDIATE/2025-06-15", "DEFENCE_SECURITY/GROUP_4/2025-09-20"),
                qualifications.<Map<String, Object>>getList("").stream()
                        .map(q -> q.get("kind") + "/" + q.get("level") + "/" + q.get("awardedOn")).toList());
        assertTrue(get("/api/personnel/" + id + "/succession-plans").getBoolean("[0].reviewFlag"));
        List<Map<String, Object>> deliveries = given().header("Authorization", Tokens.bearer("province-manager"))
                .queryParam("personnelId", id).queryParam("size", 100).get("/api/national-sync/deliveries").then()
                .statusCode(200).extract().jsonPath().getList("items");
        assertEquals(java.util.Set.of(theory, defence), deliveries.stream()
                .filter(d -> "TRAINING".equals(d.get("section"))).map(d -> d.get("sectionKey")).collect(
                        java.util.stream.Collectors.toSet()));
        assertEquals(2, deliveries.stream().filter(d -> "TRAINING".equals(d.get("section"))).count());
        assertEquals(java.util.Set.copyOf(qualifications.getList("id")), deliveries.stream()
                .filter(d -> "LEVEL".equals(d.get("section"))).map(d -> d.get("sectionKey")).collect(
                        java.util.stream.Collectors.toSet()));
        assertEquals(2, deliveries.stream().filter(d -> "LEVEL".equals(d.get("section"))).count());
    }

    private static String type(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }

    @Test
    void ratingsAndPlansTravelInThePersonnelEvents() {
        String id = TestData.register(TestData.person("Võ Văn Kiệt", "MALE", "HG.VT"));
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(Map.of("rating", "EXCELLENT")).put("/api/personnel/" + id + "/ratings/2024")
                .then().statusCode(200).body("rating", equalTo("EXCELLENT"));
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(Map.of("titleCode", "DIVISION_HEAD", "orgUnitCode", "HG.VT", "termStart", 2025, "termEnd", 2030))
                .post("/api/personnel/" + id + "/succession-plans").then().statusCode(201);
        given().header("Authorization", Tokens.bearer("admin")).get("/api/personnel/" + id + "/ratings")
                .then().statusCode(200).body("year", contains(2024));
        given().header("Authorization", Tokens.bearer("staff")).get("/api/personnel/" + id + "/gaps")
                .then().statusCode(404);
        try (KafkaCompanion kafka = Kafka.companion()) {
            ConsumerTask<String, String> task = kafka.consumeStrings().fromTopics("personnel");
            List<ConsumerRecord<String, String>> mine = Poll.until(Duration.ofSeconds(30),
                    () -> task.getRecords().stream().filter(r -> id.equals(r.key())).toList(),
                    records -> records.size() >= 3);
            task.stop();
            mine.forEach(EventContract.published()::assertValid);
            String last = mine.get(2).value();
            assertTrue(new String(mine.get(2).headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)
                    .endsWith("succession-plan-changed.v1"));
            assertTrue(last.contains("\"ratings\":[{\"year\":2024,\"rating\":\"EXCELLENT\"}]"), last);
            assertTrue(last.contains("\"titleCode\":\"DIVISION_HEAD\""), last);
            assertTrue(last.contains("\"termStart\":2025"), last);
        }
        given().header("Authorization", Tokens.bearer("admin")).get("/api/reference/titles/DIVISION_HEAD/standards")
                .then().statusCode(200).body("kind", hasItem("LEADERSHIP")).body("$", not(empty()));
        given().header("Authorization", Tokens.bearer("admin")).get("/api/reference/ranks")
                .then().statusCode(200).body("code", hasItem("PRINCIPAL_SPECIALIST"))
                .body("$", not(hasSize(0)));
    }
}

package vn.gov.training.personnel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import vn.gov.training.personnel.domain.Person;
import vn.gov.training.personnel.nationalsync.service.NationalChanges;
import vn.gov.training.platform.testing.EventContract;
import vn.gov.training.platform.testing.Kafka;
import vn.gov.training.platform.testing.Poll;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.testing.Tokens;

/**
 * The delivery states of the national sync, over HTTP to the real receiver (deploy/national-registry) with a real
 * client-credentials token: accepted; rejected, corrected and re-sent, with the person's later delivery waiting;
 * an outage retried; overdue after 3 working days across a public holiday (the sync's clock set by the test); a
 * completed training turn with its institution (and an older event without one); the initial load for people who
 * had no delivery, run twice without a duplicate.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(NationalRegistryServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NationalSyncTest {

    @Inject
    DataSource dataSource;
    @Inject
    NationalChanges changes;

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @ConfigProperty(name = "training.national-sync.endpoint")
    String registry;

    @BeforeEach
    void units() {
        TestData.ensureUnits();
    }

    @AfterEach
    void registryUpAndClockBack() throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement disagree = c.prepareStatement("""
                select count(*) from national_delivery d full join national_delivery_open o on o.sequence = d.sequence
                where (d.status <> 'ACCEPTED') is distinct from (o.sequence is not null)""");
             var rs = disagree.executeQuery()) {
            rs.next();
            assertEquals(0, rs.getLong(1), "the open deliveries are those not accepted, whatever the test did");
        }
        control("up");
        given().post(registry + "/control/latency?ms=0").then().statusCode(200);
        given().header("Authorization", Tokens.bearer("admin")).delete("/api/national-sync/clock").then().statusCode(200);
    }

    private void control(String state) {
        given().post(registry + "/control/" + state).then().statusCode(200);
    }

    private static List<Map<String, Object>> deliveries(String personId) {
        return given().header("Authorization", Tokens.bearer("province-manager")).queryParam("personnelId", personId)
                .get("/api/national-sync/deliveries").then().statusCode(200).extract().jsonPath().getList("items");
    }

    private static Map<String, Object> only(String personId, String section) {
        return deliveries(personId).stream().filter(d -> section.equals(d.get("section"))).findFirst().orElse(null);
    }

    private static Map<String, Object> until(String personId, String section, String status) {
        return Poll.until(DEADLINE, () -> only(personId, section), d -> d != null && status.equals(d.get("status")));
    }

    /** The person's deliveries once {@code count} of the section are accepted. */
    private static List<Map<String, Object>> untilAccepted(String personId, String section, long count) {
        return Poll.until(DEADLINE, () -> deliveries(personId), all -> all.stream()
                .filter(d -> section.equals(d.get("section")) && "ACCEPTED".equals(d.get("status"))).count() == count);
    }

    @SafeVarargs
    private static void send(ProducerRecord<String, String>... events) {
        try (var kafka = Kafka.companion()) {
            kafka.produceStrings().fromRecords(events).awaitCompletion();
        }
    }

    /** The person's file as the national side holds it. */
    private JsonPath fileOf(Map<String, Object> person) {
        return given().header("Authorization", "Bearer " + Tokens.ofClient("national-sync", "national-sync-dev-secret"))
                .get(registry + "/api/v1/files/" + person.get("nationalId")).then().statusCode(200).extract()
                .jsonPath();
    }

    private static JsonPath reconciliation(String personId) {
        return given().header("Authorization", Tokens.bearer("admin")).queryParam("personnelId", personId)
                .get("/api/national-sync/reconciliation").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aNewPersonIsAcceptedAndTheFilesAgree() {
        String id = TestData.register(TestData.person("Lâm Thị Thu Trang", "FEMALE", "HG.VT"));
        Map<String, Object> d = until(id, "PERSON", "ACCEPTED");
        assertNotNull(d.get("receipt"));
        assertEquals(false, d.get("overdue"));
        assertTrue(reconciliation(id).getList("mismatches").isEmpty(), "the national file equals ours");

        // a change of rank is a new delivery; until it is accepted the reconciliation names the field
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(Map.of("rankCode", "PRINCIPAL_SPECIALIST")).patch("/api/personnel/" + id).then().statusCode(200);
        Poll.until(DEADLINE, () -> deliveries(id),
                all -> all.size() == 2 && all.stream().allMatch(x -> "ACCEPTED".equals(x.get("status"))));
        assertTrue(reconciliation(id).getList("mismatches").isEmpty());
    }

    /**
     * A transaction's deliveries are written when it commits; until then what it recorded is what was last recorded
     * for the rest of it, so a person changed twice in one (a batch that touches them twice) is delivered once.
     */
    @Test
    void aPersonChangedTwiceInOneTransactionIsDeliveredOnceWhenItCommits() throws Exception {
        String id = TestData.register(TestData.person("Thạch Thị Sa Rươne", "FEMALE", "HG.VT"));
        until(id, "PERSON", "ACCEPTED");
        QuarkusTransaction.requiringNew().run(() -> {
            Person person = Person.findById(UUID.fromString(id));
            person.rankCode = "PRINCIPAL_SPECIALIST";
            assertEquals(1, changes.personChanged(person));
            assertEquals(0, changes.personChanged(person), "the first one is the last recorded now");
            assertEquals(1, deliveryRows(id), "nothing written before the commit");
        });
        assertEquals(2, deliveryRows(id));
        Poll.until(DEADLINE, () -> deliveries(id),
                all -> all.size() == 2 && all.stream().allMatch(x -> "ACCEPTED".equals(x.get("status"))));
        assertTrue(reconciliation(id).getList("mismatches").isEmpty());
    }

    /** How many deliveries of the person the table holds. */
    private int deliveryRows(String personId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement count = c.prepareStatement("select count(*) from national_delivery where person_id = ?")) {
            count.setObject(1, UUID.fromString(personId));
            try (var rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRejectedDeliveryIsCorrectedAndResentAndTheLaterOneWaitsForIt() {
        Map<String, Object> body = TestData.person("Huỳnh Văn Lực", "MALE", "HG.VT");
        body.remove("rankCode"); // a civil servant without a rank: the national side refuses the file
        String id = TestData.register(body);
        Map<String, Object> rejected = until(id, "PERSON", "REJECTED");
        assertEquals("person.rank", ((List<Map<String, Object>>) rejected.get("reasons")).get(0).get("field"));
        assertEquals("required-for-civil-servant",
                ((List<Map<String, Object>>) rejected.get("reasons")).get(0).get("code"));
        String rejectedId = (String) rejected.get("id");

        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(Map.of("kind", "POLITICAL_THEORY", "level", "INTERMEDIATE", "awardedOn", "2020-09-15",
                        "credentialNumber", "TCLLCT-2020-77"))
                .post("/api/personnel/" + id + "/qualifications").then().statusCode(201);
        Map<String, Object> level = Poll.until(DEADLINE, () -> only(id, "LEVEL"), x -> x != null);
        assertEquals("PENDING", level.get("status"));
        assertEquals(0, level.get("attempts"), "a later delivery is not sent while an earlier one is rejected");
        assertEquals(rejectedId, level.get("waitingFor"));
        assertEquals(List.of("file-missing"), reconciliation(id).getList("mismatches[0].differences"));

        // only a rejected delivery is re-sent
        given().header("Authorization", Tokens.bearer("admin")).post("/api/national-sync/deliveries/"
                + level.get("id") + "/resend").then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("national-delivery-not-rejected"));
        // the correction: the rank entered; then the rejected delivery is sent again, made from the corrected record
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(Map.of("rankCode", "SPECIALIST")).patch("/api/personnel/" + id).then().statusCode(200);
        given().header("Authorization", Tokens.bearer("province-manager"))
                .post("/api/national-sync/deliveries/" + rejectedId + "/resend").then().statusCode(200)
                .body("revision", equalTo(2)).body("status", equalTo("PENDING"));
        Poll.until(DEADLINE, () -> deliveries(id), all -> all.size() == 3
                && all.stream().allMatch(x -> "ACCEPTED".equals(x.get("status"))));
        Map<String, Object> resent = deliveries(id).stream().filter(x -> rejectedId.equals(x.get("id"))).findFirst()
                .orElseThrow();
        assertTrue(((List<?>) resent.get("reasons")).isEmpty());
        assertTrue(reconciliation(id).getList("mismatches").isEmpty());
        given().header("Authorization", Tokens.bearer("admin")).queryParam("status", "REJECTED")
                .get("/api/national-sync/deliveries").then().statusCode(200);
        given().header("Authorization", Tokens.bearer("admin")).queryParam("status", "LOST")
                .get("/api/national-sync/deliveries").then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void anOutageIsRetriedUntilTheNationalSideIsBack() {
        control("down");
        String id = TestData.register(TestData.person("Tăng Thị Mỹ", "FEMALE", "HG.VT"));
        Map<String, Object> waiting = Poll.until(DEADLINE, () -> only(id, "PERSON"),
                d -> d != null && ((Integer) d.get("attempts")) >= 2);
        org.junit.jupiter.api.Assertions.assertNotEquals("ACCEPTED", waiting.get("status"));
        assertEquals("HTTP 503", waiting.get("lastError"));
        control("up");
        Map<String, Object> accepted = until(id, "PERSON", "ACCEPTED");
        assertTrue(((Integer) accepted.get("attempts")) >= 3);
        assertNull(accepted.get("lastError"));
    }

    @Test
    void thePeopleOfABatchAreSentSideBySideAcrossASlowNetwork() {
        // six people's deliveries wait out an outage together, so that they fall due in the same runs
        control("down");
        List<String> ids = new java.util.ArrayList<>();
        for (String name : List.of("Đoàn Thị Hạnh", "Đoàn Văn Hậu", "Đoàn Thị Huyền", "Đoàn Văn Hiếu",
                "Đoàn Thị Hoa", "Đoàn Văn Hùng")) {
            ids.add(TestData.register(TestData.person(name, name.contains("Thị") ? "FEMALE" : "MALE", "HG.VT")));
        }
        for (String id : ids) {
            Poll.until(DEADLINE, () -> only(id, "PERSON"), d -> d != null && ((Integer) d.get("attempts")) >= 1);
        }
        // every call now takes 300 ms, as across a slow network
        given().post(registry + "/control/latency?ms=300").then().statusCode(200).body("latencyMs", equalTo(300));
        control("up");
        for (String id : ids) {
            until(id, "PERSON", "ACCEPTED");
        }
        int maxInFlight = given().get(registry + "/control/stats").then().statusCode(200).extract().path("maxInFlight");
        assertTrue(maxInFlight >= 2, "calls of different people overlapped: " + maxInFlight);
        assertTrue(maxInFlight <= 4, "at most training.national-sync.parallel-calls at once: " + maxInFlight);
    }

    @Test
    void morePeopleThanARunLooksAtOnceEachWithDeliveriesWaitingGoInTheirOrder() throws Exception {
        // 210 people (more than a window of the connector's walk, two batches of it) each with two deliveries, the
        // second waiting behind the first, all due together after an outage
        control("down");
        List<UUID> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 210; i++) {
            String id = TestData.register(TestData.person("Lâm Văn Khải", "MALE", "HG.VT"));
            given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                    .body(Map.of("kind", "EDUCATION", "level", "BACHELOR", "awardedOn", "2010-06-30"))
                    .post("/api/personnel/" + id + "/qualifications").then().statusCode(201);
            ids.add(UUID.fromString(id));
        }
        control("up");
        Poll.until(DEADLINE, () -> sql("""
                select count(*) from national_delivery where person_id = any (?) and status = 'ACCEPTED'""", ids),
                accepted -> accepted == 2 * ids.size());
        assertEquals(0, sql("""
                select count(*) from national_delivery later join national_delivery earlier
                    on earlier.person_id = later.person_id and earlier.sequence < later.sequence
                where later.person_id = any (?) and later.last_attempt_at < earlier.accepted_at""", ids),
                "a person's later delivery is sent once the earlier one is accepted");
    }

    private long sql(String query, List<UUID> people) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement count = c.prepareStatement(query)) {
            count.setArray(1, c.createArrayOf("uuid", people.toArray()));
            try (var rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aDeliveryNotAcceptedWithinThreeWorkingDaysAcrossAHolidayIsOverdue() {
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(Map.of("today", "2026-04-24")).put("/api/national-sync/clock").then().statusCode(200);
        control("down");
        String id = TestData.register(TestData.person("Quách Văn Tài", "MALE", "HG.VT"));
        Map<String, Object> d = Poll.until(DEADLINE, () -> only(id, "PERSON"),
                x -> x != null && ((Integer) x.get("attempts")) >= 1);
        assertEquals("2026-04-24", d.get("recordedOn"));
        // Friday 24/4/2026 + 3 working days: 27/4 (compensatory day for Giỗ Tổ), 30/4 and 1/5 are holidays
        assertEquals("2026-05-04", d.get("deadline"));

        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(Map.of("today", "2026-05-04")).put("/api/national-sync/clock").then().statusCode(200);
        int attempts = (Integer) only(id, "PERSON").get("attempts");
        Map<String, Object> onTheDay = Poll.until(DEADLINE, () -> only(id, "PERSON"),
                x -> ((Integer) x.get("attempts")) >= attempts + 2);
        org.junit.jupiter.api.Assertions.assertNotEquals("OVERDUE", onTheDay.get("status"),
                "on the deadline itself it is not overdue yet");
        assertEquals(false, onTheDay.get("overdue"));

        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(Map.of("today", "2026-05-05")).put("/api/national-sync/clock").then().statusCode(200);
        until(id, "PERSON", "OVERDUE");
        given().header("Authorization", Tokens.bearer("province-manager")).queryParam("overdue", true)
                .get("/api/national-sync/deliveries").then().statusCode(200)
                .body("items.personnelId", hasItem(id));
        given().header("Authorization", Tokens.bearer("province-manager")).get("/api/national-sync/summary")
                .then().statusCode(200).body("overdue", org.hamcrest.Matchers.greaterThanOrEqualTo(1));

        control("up");
        Map<String, Object> late = until(id, "PERSON", "ACCEPTED");
        assertEquals(true, late.get("overdue"), "accepted late stays marked");
        assertNotNull(late.get("overdueAt"));
    }

    @Test
    void onlyTheProvinceSeesTheSync() {
        given().header("Authorization", Tokens.bearer("unit-officer")).get("/api/national-sync/deliveries")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("province-manager")).put("/api/national-sync/clock")
                .then().statusCode(403);
        given().get("/api/national-sync/summary").then().statusCode(401);
        given().header("Authorization", Tokens.bearer("admin"))
                .get("/api/national-sync/deliveries/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("national-delivery-not-found"));
    }

    private static ProducerRecord<String, String> completedEvent(String enrolmentId, String personnelId,
                                                                 String institution) {
        return completedEvent(enrolmentId, personnelId, institution, "GOOD");
    }

    /** A completed event of the enrolment, the same content each time but for the grade (under a new event id). */
    private static ProducerRecord<String, String> completedEvent(String enrolmentId, String personnelId,
                                                                 String institution, String grade) {
        UUID classId = UUID.nameUUIDFromBytes(("class of " + enrolmentId).getBytes(StandardCharsets.UTF_8));
        UUID programId = UUID.nameUUIDFromBytes(("programme of " + enrolmentId).getBytes(StandardCharsets.UTF_8));
        ProducerRecord<String, String> record = new ProducerRecord<>("enrolment", enrolmentId, """
                {"enrolmentId":"%s","personnelId":"%s","classId":"%s","programId":"%s","category":"DEFENCE_SECURITY",
                 "level":"GROUP_3","deliveryMode":"FULL_TIME","location":"DOMESTIC",%s"startDate":"2025-10-06",
                 "endDate":"2025-10-17","status":"COMPLETED","fit":{"assessment":"FIT","reasons":[]},"exams":[],
                 "grade":"%s","credentialNumber":"QPAN-%s","credentialIssuedOn":"2025-10-20",
                 "completedOn":"2025-10-17","effectiveOn":"2025-10-17"}"""
                .formatted(enrolmentId, personnelId, classId, programId, institution, grade,
                        enrolmentId.substring(0, 8)));
        for (String[] header : new String[][] {{"ce_specversion", "1.0"}, {"ce_id", UUID.randomUUID().toString()},
                {"ce_source", "/training/enrolment-service"}, {"ce_type", "vn.gov.training.enrolment.completed.v1"},
                {"ce_time", "2025-10-17T10:00:00Z"}, {"content-type", "application/json"}}) {
            record.headers().add(header[0], header[1].getBytes(StandardCharsets.UTF_8));
        }
        EventContract.published().assertValid(record); // the fixture keeps enrolment-service's contract
        return record;
    }

    @Test
    void aCompletedTurnReachesTheFileWithItsInstitutionAndAnOlderEventWithoutOneIsAcceptedToo() {
        Map<String, Object> body = TestData.person("Kim Thị Sa Rênh", "FEMALE", "HG.VT");
        String id = TestData.register(body);
        until(id, "PERSON", "ACCEPTED");
        String withInstitution = UUID.randomUUID().toString();
        String older = UUID.randomUUID().toString();
        send(completedEvent(withInstitution, id,
                        "\"institutionCode\":\"TCT-HG\",\"institutionName\":\"Trường Chính trị tỉnh Hậu Giang\","),
                completedEvent(older, id, ""));
        untilAccepted(id, "TRAINING", 2);
        JsonPath file = fileOf(body);
        assertEquals("TCT-HG", file.getString("trainings.'" + withInstitution + "'.institution.code"));
        assertEquals("Trường Chính trị tỉnh Hậu Giang",
                file.getString("trainings.'" + withInstitution + "'.institution.name"));
        assertEquals("DEFENCE_SECURITY", file.getString("trainings.'" + withInstitution + "'.programmeCategory"));
        assertNull(file.get("trainings.'" + older + "'.institution"), "an event without an institution has none");
        assertEquals("GOOD", file.getString("trainings.'" + older + "'.result"));
        assertTrue(reconciliation(id).getList("mismatches").isEmpty());
    }

    /**
     * Later events of a person's turns, each batch comparing with what the file last recorded: the same turn again
     * (another event id, the same content) is no new delivery, a correction of it is one, and the person's other turn
     * is left as it was.
     */
    @Test
    void aTurnCompletedAgainIsSentOnlyWhenItChanged() {
        Map<String, Object> body = TestData.person("Lò Văn Páo", "MALE", "HG.VT");
        String id = TestData.register(body);
        until(id, "PERSON", "ACCEPTED");
        String corrected = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        send(completedEvent(corrected, id, ""), completedEvent(other, id, ""));
        untilAccepted(id, "TRAINING", 2);
        // the same key: one partition, so the correction comes after the replay
        send(completedEvent(corrected, id, ""), completedEvent(corrected, id, "", "EXCELLENT"));
        List<Map<String, Object>> all = untilAccepted(id, "TRAINING", 3);
        assertEquals(2, all.stream().filter(d -> corrected.equals(d.get("sectionKey"))).count(),
                "the replay made no delivery, the correction one");
        assertEquals(1, all.stream().filter(d -> other.equals(d.get("sectionKey"))).count());
        JsonPath file = fileOf(body);
        assertEquals("EXCELLENT", file.getString("trainings.'" + corrected + "'.result"));
        assertEquals("GOOD", file.getString("trainings.'" + other + "'.result"));
        assertTrue(reconciliation(id).getList("mismatches").isEmpty());
    }

    /**
     * A completed turn that grants a level adds its turn and its level to the file and nothing else: the person's own
     * section and their earlier levels are not sent again, and the same turn again (a replay, then a correction of
     * its grade) grants no second level.
     */
    @Test
    void aTurnThatGrantsALevelAddsItsTurnAndItsLevelOnly() {
        Map<String, Object> body = TestData.person("Đinh Thị Hoa Ban", "FEMALE", "HG.VT");
        String id = TestData.register(body);
        until(id, "PERSON", "ACCEPTED");
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        send(completedEvent(first, id, "\"grantsLevel\":{\"kind\":\"DEFENCE_SECURITY\",\"level\":\"GROUP_4\"},"));
        untilAccepted(id, "LEVEL", 1);
        send(completedEvent(second, id, "\"grantsLevel\":{\"kind\":\"POLITICAL_THEORY\",\"level\":\"INTERMEDIATE\"},"));
        untilAccepted(id, "LEVEL", 2);
        String grants = "\"grantsLevel\":{\"kind\":\"POLITICAL_THEORY\",\"level\":\"INTERMEDIATE\"},";
        send(completedEvent(second, id, grants), completedEvent(second, id, grants, "EXCELLENT"));
        List<Map<String, Object>> all = untilAccepted(id, "TRAINING", 3);
        assertEquals(Map.of("PERSON", 1L, "TRAINING", 3L, "LEVEL", 2L), all.stream().collect(
                Collectors.groupingBy(d -> (String) d.get("section"), Collectors.counting())),
                "one delivery per section a change made");
        JsonPath file = fileOf(body);
        assertEquals(2, file.getMap("levels").size());
        assertEquals("EXCELLENT", file.getString("trainings.'" + second + "'.result"));
        assertTrue(reconciliation(id).getList("mismatches").isEmpty());
    }

    private static Response startLoad() {
        return given().header("Authorization", Tokens.bearer("admin")).post("/api/national-sync/initial-loads");
    }

    private static Map<String, Object> finished(String loadId) {
        return Poll.until(Duration.ofSeconds(300), () -> given().header("Authorization", Tokens.bearer("province-manager"))
                .get("/api/national-sync/initial-loads/" + loadId).then().statusCode(200).extract().jsonPath()
                .getMap("$"), l -> "COMPLETED".equals(l.get("status")));
    }

    /** Last: on a test stack with people older than the sync, the load's deliveries keep the connector busy. */
    @Test
    @Order(Integer.MAX_VALUE)
    void theInitialLoadGivesPeopleWithoutAFileTheirDeliveriesOnceAndShowsItsProgress() throws Exception {
        // a person of before the sync: registered, with a level, and then their deliveries gone
        Map<String, Object> body = TestData.person("Danh Thị Ngọc Hân", "FEMALE", "HG.VT");
        String id = TestData.register(body);
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(Map.of("kind", "EDUCATION", "level", "BACHELOR", "awardedOn", "2008-06-30"))
                .post("/api/personnel/" + id + "/qualifications").then().statusCode(201);
        Poll.until(DEADLINE, () -> deliveries(id), all -> all.size() == 2);
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("delete from national_delivery where person_id = ?")) {
            delete.setObject(1, UUID.fromString(id));
            delete.executeUpdate();
        }
        assertTrue(deliveries(id).isEmpty());

        // only an admin starts it; the province reads its progress
        given().header("Authorization", Tokens.bearer("province-manager")).post("/api/national-sync/initial-loads")
                .then().statusCode(403).contentType("application/problem+json");
        Response first = startLoad();
        assertTrue(first.statusCode() == 202 || first.statusCode() == 200, first.asString());
        String loadId = first.path("id");
        Response again = startLoad();
        if (again.statusCode() == 200) {
            assertEquals(loadId, again.path("id"), "while a load runs, starting again answers it");
        } else {
            assertEquals("COMPLETED", finished(loadId).get("status"), "a new load only once the first finished");
            loadId = again.path("id");
        }
        Map<String, Object> load = finished(loadId);
        assertEquals(100, load.get("percent"));
        assertTrue((Integer) load.get("processedPeople") >= (Integer) load.get("totalPeople"), load.toString());
        assertEquals("admin", load.get("requestedBy"));
        List<Map<String, Object>> loaded = Poll.until(DEADLINE, () -> deliveries(id),
                all -> all.size() == 2 && all.stream().allMatch(d -> "ACCEPTED".equals(d.get("status"))));
        assertEquals(List.of("PERSON", "LEVEL"), loaded.stream().map(d -> d.get("section")).toList());
        assertTrue(reconciliation(id).getList("mismatches").isEmpty());

        // run again: nothing is missing, so nothing is created
        Response second = startLoad();
        assertEquals(202, second.statusCode(), second.asString());
        assertTrue(second.header("Location").endsWith("/api/national-sync/initial-loads/" + second.path("id")));
        Map<String, Object> rerun = finished(second.path("id"));
        assertEquals(0, rerun.get("deliveriesCreated"));
        assertEquals(2, deliveries(id).size());
        given().header("Authorization", Tokens.bearer("province-manager")).get("/api/national-sync/initial-loads")
                .then().statusCode(200).body("items[0].id", equalTo(second.path("id")));
        // audited: each start (by whom) and each end
        try (Connection c = dataSource.getConnection(); PreparedStatement audit = c.prepareStatement("""
                select string_agg(action || ':' || actor, ',' order by id) from audit_record
                where entity_type = 'national-initial-load' and entity_id = ?""")) {
            audit.setString(1, second.path("id"));
            try (var rs = audit.executeQuery()) {
                rs.next();
                assertEquals("started:admin,completed:system:national-initial-load", rs.getString(1));
            }
        }
        given().header("Authorization", Tokens.bearer("admin"))
                .get("/api/national-sync/initial-loads/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("national-initial-load-not-found"));
    }
}

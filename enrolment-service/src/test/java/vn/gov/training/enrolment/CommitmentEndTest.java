package vn.gov.training.enrolment;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import vn.gov.training.enrolment.service.CommitmentFulfilment;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.testing.EventContract;
import vn.gov.training.platform.testing.Kafka;
import vn.gov.training.platform.testing.Poll;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.time.ProvinceTime;

/**
 * How enrolments and commitments end without a repayment: a failed entry exam frees the seat, death or retirement
 * releases a commitment, and a commitment served to its end is fulfilled by the scheduled job.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class CommitmentEndTest {

    private static final long COST = 120_000_000L;

    @Inject
    CommitmentFulfilment fulfilment;

    @Inject
    AuditTrail audit;

    @BeforeEach
    void units() {
        Copies.units();
    }

    /** A state-funded master's class of 12 months from 1 September 2025: covered, Decree 171/2025, 3×. */
    private static Map<String, Object> mastersClass(int capacity) {
        Map<String, Object> program = Copies.program(UUID.randomUUID());
        program.put("category", "PROFESSIONAL");
        program.put("level", "MASTER");
        program.put("postgraduate", true);
        program.put("grantsLevel", Map.of("kind", "EDUCATION", "level", "MASTER"));
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), program, capacity);
        cls.put("startDate", "2025-09-01");
        cls.put("endDate", "2026-08-31");
        cls.put("costPerLearnerVnd", COST);
        Copies.classEvent("opened", cls);
        return cls;
    }

    private static String enrol(Map<String, Object> person, Map<String, Object> cls) {
        return Api.nominated(UUID.fromString((String) person.get("personnelId")),
                UUID.fromString((String) cls.get("classId")));
    }

    /** Nominated and approved; the class then runs from {@code classStart} to the day before {@code completedOn}. */
    private static String completedWithCommitment(Map<String, Object> person, String classStart, String completedOn) {
        Map<String, Object> cls = mastersClass(5);
        String id = enrol(person, cls);
        Api.approve(id);
        Copies.started(cls, LocalDate.parse(classStart), LocalDate.parse(completedOn).minusDays(1));
        Api.post("institution-staff", "/api/enrolments/" + id + "/complete", Map.of("grade", "GOOD",
                "credentialNumber", "THS-" + Copies.suffix(), "completedOn", completedOn)).then().statusCode(200);
        return id;
    }

    @Test
    void aFailedEntryExamFreesTheSeatForTheFirstWaitlistedAndOpensNoRepayment() {
        Map<String, Object> a = Copies.person(UUID.randomUUID());
        Map<String, Object> b = Copies.person(UUID.randomUUID());
        Map<String, Object> c = Copies.person(UUID.randomUUID());
        Copies.people(List.of(a, b, c));
        Map<String, Object> cls = mastersClass(1);
        String first = enrol(a, cls);
        String second = enrol(b, cls);
        String third = enrol(c, cls);
        List.of(first, second, third).forEach(Api::approve);
        Api.get("province-manager", "/api/enrolments/" + second).then().body("status", equalTo("WAITLISTED"));
        Copies.started(cls, LocalDate.of(2025, 9, 1), LocalDate.of(2026, 8, 31));

        Api.post("institution-staff", "/api/enrolments/" + first + "/exams",
                Map.of("kind", "ENTRY", "score", 2, "passed", false, "takenOn", "2025-09-01")).then()
                .statusCode(200).body("status", equalTo("FAILED")).body("reason", equalTo("entry-exam-failed"));

        Api.get("province-manager", "/api/enrolments/" + second).then().body("status", equalTo("APPROVED"));
        Api.get("province-manager", "/api/enrolments/" + third).then().body("status", equalTo("WAITLISTED"));
        Api.get("admin", "/api/enrolments/" + second + "/history").then()
                .body("action", equalTo(List.of("nominated", "waitlisted", "promoted")));
        // covered, state-funded training, yet the person never started it: nothing to repay
        Api.get("province-manager", "/api/repayment-cases?personnelId=" + a.get("personnelId")).then()
                .statusCode(200).body("total", equalTo(0));

        // a failure during the training keeps the seat: nobody else is promoted, and the cost is repaid
        Api.post("institution-staff", "/api/enrolments/" + second + "/fail", Map.of("reason", "Bỏ học giữa chừng"))
                .then().statusCode(200).body("status", equalTo("FAILED"));
        Api.get("province-manager", "/api/enrolments/" + third).then().body("status", equalTo("WAITLISTED"));
        Api.get("province-manager", "/api/repayment-cases?personnelId=" + b.get("personnelId")).then()
                .body("total", equalTo(1)).body("items[0].cause", equalTo("FAILED"));
    }

    @Test
    void deathOrRetirementReleasesTheCommitmentWithoutRepaymentAndPublishesIt() throws Exception {
        Map<String, Object> deceased = Copies.person(UUID.randomUUID());
        Map<String, Object> retired = Copies.person(UUID.randomUUID());
        Copies.people(List.of(deceased, retired));
        String deceasedEnrolment = completedWithCommitment(deceased, "2025-09-01", "2026-09-01");
        String retiredEnrolment = completedWithCommitment(retired, "2025-09-01", "2026-09-01");

        try (KafkaCompanion kafka = Kafka.companion()) {
            ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics("enrolment");
            deceased.put("status", "LEFT");
            deceased.put("leftOn", "2027-03-01");
            deceased.put("leftReason", "DECEASED");
            deceased.put("effectiveOn", "2027-03-01");
            retired.put("status", "LEFT");
            retired.put("leftOn", "2028-03-01");
            retired.put("leftReason", "RETIRED");
            retired.put("effectiveOn", "2028-03-01");
            Copies.sendPeople("left", List.of(deceased, retired));

            for (Map<String, Object> person : List.of(deceased, retired)) {
                JsonPath commitments = Poll.until(Duration.ofSeconds(30),
                        () -> Api.get("province-manager", "/api/commitments?personnelId=" + person.get("personnelId"))
                                .then().statusCode(200).extract().jsonPath(),
                        page -> "RELEASED".equals(page.getString("items[0].status")));
                assertEquals(person.get("leftReason"), commitments.getString("items[0].closedReason"));
                assertEquals(person.get("leftOn"), commitments.getString("items[0].closedOn"));
                Api.get("province-manager", "/api/repayment-cases?personnelId=" + person.get("personnelId")).then()
                        .statusCode(200).body("total", equalTo(0));
            }
            ConsumerRecord<String, String> released = Poll.until(Duration.ofSeconds(30),
                    () -> events.getRecords().stream().filter(r -> deceasedEnrolment.equals(r.key())
                            && type(r).equals("vn.gov.training.commitment.released.v1")).findFirst().orElse(null),
                    r -> r != null);
            events.stop();
            EventContract.published().assertValid(released);
            JsonNode data = new ObjectMapper().readTree(released.value());
            assertEquals("RELEASED", data.path("status").asText());
            assertEquals("DECEASED", data.path("closedReason").asText());
            assertEquals("2027-03-01", data.path("closedOn").asText());
            assertEquals(deceasedEnrolment, data.path("enrolmentId").asText());
            assertEquals(COST, data.path("costVnd").asLong());
        }
        Api.get("province-manager", "/api/enrolments/" + retiredEnrolment).then().body("status", equalTo("COMPLETED"));
    }

    @Test
    void aCommitmentPastItsEndIsFulfilledOnceEvenWithTwoInstancesRunningTheJob() throws Exception {
        Map<String, Object> person = Copies.person(UUID.randomUUID());
        Copies.person(person);
        // 18 months of training under Decree 101 (twice the training): 36 months from 1 February 2022, ended on
        // 1 February 2025
        String enrolmentId = completedWithCommitment(person, "2020-08-01", "2022-02-01");
        String personnelId = (String) person.get("personnelId");
        Api.get("province-manager", "/api/commitments?personnelId=" + personnelId).then()
                .body("items[0].status", equalTo("ACTIVE")).body("items[0].endsOn", equalTo("2025-02-01"));

        try (KafkaCompanion kafka = Kafka.companion()) {
            ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics("enrolment");
            // two instances' jobs at once: the row lock (skip locked) lets only one of them fulfil it
            CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> fulfilment.fulfilDue(ProvinceTime.today()));
            CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> fulfilment.fulfilDue(ProvinceTime.today()));
            one.get();
            two.get();
            // and running it again changes nothing
            fulfilment.fulfilDue(ProvinceTime.today());

            JsonPath commitments = Api.get("province-manager", "/api/commitments?personnelId=" + personnelId).then()
                    .statusCode(200).extract().jsonPath();
            assertEquals("FULFILLED", commitments.getString("items[0].status"));
            assertEquals("2025-02-01", commitments.getString("items[0].closedOn"));
            String commitmentId = commitments.getString("items[0].id");
            List<String> actions = QuarkusTransaction.requiringNew().call(() -> audit.history("commitment",
                    UUID.fromString(commitmentId)).stream().map(r -> r.action).toList());
            assertEquals(List.of("started", "fulfilled"), actions);

            ConsumerRecord<String, String> fulfilled = Poll.until(Duration.ofSeconds(30),
                    () -> events.getRecords().stream().filter(r -> enrolmentId.equals(r.key())
                            && type(r).equals("vn.gov.training.commitment.fulfilled.v1")).findFirst().orElse(null),
                    r -> r != null);
            events.stop();
            EventContract.published().assertValid(fulfilled);
            JsonNode data = new ObjectMapper().readTree(fulfilled.value());
            assertEquals("FULFILLED", data.path("status").asText());
            assertEquals(commitmentId, data.path("commitmentId").asText());
            assertEquals(personnelId, data.path("personnelId").asText());
            assertEquals("2025-02-01", data.path("endsOn").asText());
            assertEquals(36, data.path("months").asInt());
        }
        // leaving after the end owes nothing either
        Api.get("province-manager", "/api/repayment-cases?personnelId=" + personnelId).then().body("total", equalTo(0));
    }

    private static String type(ConsumerRecord<String, String> r) {
        return new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }
}

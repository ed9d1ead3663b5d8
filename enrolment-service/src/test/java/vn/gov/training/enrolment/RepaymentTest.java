package vn.gov.training.enrolment;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import vn.gov.training.platform.testing.EventContract;
import vn.gov.training.platform.testing.Kafka;
import vn.gov.training.platform.testing.Poll;
import vn.gov.training.platform.testing.RealInfrastructure;

/** Service commitments after state-funded postgraduate training, and repayment when they are broken. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class RepaymentTest {

    private static final long COST = 120_000_000L;

    @BeforeEach
    void units() {
        Copies.units();
    }

    /** A state-funded master's class of 12 months from 1 September 2025: Decree 171/2025, commitment 3×. */
    private static Map<String, Object> mastersClass() {
        Map<String, Object> program = Copies.program(UUID.randomUUID());
        program.put("category", "PROFESSIONAL");
        program.put("level", "MASTER");
        program.put("postgraduate", true);
        program.put("grantsLevel", Map.of("kind", "EDUCATION", "level", "MASTER"));
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), program, 5);
        cls.put("startDate", "2025-09-01");
        cls.put("endDate", "2026-08-31");
        cls.put("costPerLearnerVnd", COST);
        Copies.classEvent("opened", cls);
        return cls;
    }

    private static Map<String, Object> civilServant() {
        Map<String, Object> person = Copies.person(UUID.randomUUID());
        person.put("ratings", List.of(Map.of("year", 2024, "rating", "GOOD"), Map.of("year", 2023, "rating", "GOOD")));
        Copies.person(person);
        return person;
    }

    @Test
    void leavingAfterServingHalfOfAThreefoldCommitmentRepaysHalfTheCost() {
        Map<String, Object> person = civilServant();
        String personnelId = (String) person.get("personnelId");
        Map<String, Object> cls = mastersClass();
        String id = Api.nominated(UUID.fromString(personnelId), UUID.fromString((String) cls.get("classId")));
        Api.approve(id);
        Copies.started(cls, LocalDate.of(2025, 9, 1), LocalDate.of(2026, 8, 31));
        Api.post("institution-staff", "/api/enrolments/" + id + "/complete", Map.of("grade", "GOOD",
                "credentialNumber", "THS-" + Copies.suffix(), "completedOn", "2026-09-01")).then().statusCode(200);

        JsonPath commitments = Api.get("province-manager", "/api/commitments?personnelId=" + personnelId).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(1, commitments.getInt("total"));
        assertEquals(36, commitments.getInt("items[0].months"));
        assertEquals("2026-09-01", commitments.getString("items[0].startsOn"));
        assertEquals("2029-09-01", commitments.getString("items[0].endsOn"));
        assertEquals("ND171-2025", commitments.getString("items[0].ruleSetCode"));

        // 18 of 36 months served
        person.put("status", "LEFT");
        person.put("leftOn", "2028-03-01");
        person.put("leftReason", "RESIGNED");
        person.put("effectiveOn", "2028-03-01");
        Copies.sendPeople("left", List.of(person));
        JsonPath cases = Poll.until(Duration.ofSeconds(30),
                () -> Api.get("province-manager", "/api/repayment-cases?personnelId=" + personnelId).then()
                        .statusCode(200).extract().jsonPath(), page -> page.getList("items").size() == 1);
        assertEquals("LEFT_EARLY", cases.getString("items[0].cause"));
        assertEquals(18, cases.getInt("items[0].servedMonths"));
        assertEquals(COST / 2, cases.getLong("items[0].amountVnd"));
        assertEquals("OPEN", cases.getString("items[0].status"));
        Api.get("province-manager", "/api/commitments?personnelId=" + personnelId).then()
                .body("items[0].status", equalTo("BREACHED"));

        String caseId = cases.getString("items[0].id");
        Api.post("province-manager", "/api/repayment-cases/" + caseId + "/decision",
                Map.of("decisionNumber", "45/QĐ-HĐ", "decidedOn", "2028-04-01")).then().statusCode(200)
                .body("status", equalTo("DECIDED")).body("amountVnd", equalTo((int) (COST / 2)));
        try (KafkaCompanion kafka = Kafka.companion()) {
            ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics("enrolment");
            Api.post("province-manager", "/api/repayment-cases/" + caseId + "/payment",
                    Map.of("paidOn", "2028-05-01")).then().statusCode(200).body("status", equalTo("PAID"));
            // the payment is an event: the commitments report shows the amount recovered
            ConsumerRecord<String, String> paid = Poll.until(Duration.ofSeconds(30), () -> events.getRecords()
                    .stream().filter(r -> "vn.gov.training.repayment.paid.v1".equals(header(r, "ce_type"))
                            && r.value().contains(caseId)).findFirst().orElse(null), r -> r != null);
            events.stop();
            EventContract.published().assertValid(paid);
            JsonPath data = JsonPath.from(paid.value());
            assertEquals("PAID", data.getString("status"));
            assertEquals("2028-05-01", data.getString("paidOn"));
            assertEquals(COST / 2, data.getLong("amountVnd"));
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void failingCoveredTrainingRepaysTheCostInFullUnlessExempted() {
        Map<String, Object> person = civilServant();
        String personnelId = (String) person.get("personnelId");
        Map<String, Object> cls = mastersClass();
        String id = Api.nominated(UUID.fromString(personnelId), UUID.fromString((String) cls.get("classId")));
        Api.approve(id);
        Copies.started(cls, LocalDate.of(2025, 9, 1), LocalDate.of(2026, 8, 31));
        Api.post("institution-staff", "/api/enrolments/" + id + "/fail", Map.of("reason", "Không bảo vệ luận văn"))
                .then().statusCode(200).body("status", equalTo("FAILED"));
        JsonPath cases = Api.get("province-manager", "/api/repayment-cases?personnelId=" + personnelId).then()
                .statusCode(200).extract().jsonPath();
        assertEquals("FAILED", cases.getString("items[0].cause"));
        assertEquals(COST, cases.getLong("items[0].amountVnd"));
        // the person works in HG.VT.P1, the "staff" user's unit: a colleague sees only their own commitments and cases
        for (String path : List.of("/api/commitments", "/api/repayment-cases")) {
            Api.get("staff", path + "?personnelId=" + personnelId).then().statusCode(200).body("total", equalTo(0));
            List<String> owners = Api.get("staff", path + "?size=500").then().statusCode(200).extract().jsonPath()
                    .getList("items.personnelId");
            assertEquals(owners.stream().distinct().count() <= 1, true, "staff see one person's: " + owners);
            assertEquals(false, owners.contains(personnelId), "not a colleague's");
        }
        Api.get("unit-officer", "/api/repayment-cases?personnelId=" + personnelId).then().statusCode(200)
                .body("total", equalTo(1));
        Api.post("province-manager", "/api/repayment-cases/" + cases.getString("items[0].id") + "/decision",
                Map.of("decisionNumber", "46/QĐ-HĐ", "exemption", "ILLNESS")).then().statusCode(200)
                .body("status", equalTo("WAIVED")).body("amountVnd", equalTo(0));
    }

    @Test
    void ruleSetsAreDataWithEffectiveDates() {
        Api.get("staff", "/api/rule-sets?category=CIVIL_SERVANT&on=2025-06-30").then().statusCode(200)
                .body("[0].code", equalTo("ND101-2017")).body("[0].postgraduateMaxAge", equalTo(40))
                .body("[0].commitmentFactor", equalTo(2));
        Api.get("staff", "/api/rule-sets?category=CIVIL_SERVANT&on=" + LocalDate.of(2025, 7, 1)).then()
                .statusCode(200).body("[0].code", equalTo("ND171-2025")).body("[0].postgraduateMaxAge", equalTo(45))
                .body("[0].commitmentFactor", equalTo(3)).body("[0].yearlyMinimumPeriods", equalTo(40));
        Api.get("staff", "/api/rule-sets?category=PUBLIC_EMPLOYEE&on=2026-01-01").then().statusCode(200)
                .body("[0].code", equalTo("ND101-2017"));
    }
}

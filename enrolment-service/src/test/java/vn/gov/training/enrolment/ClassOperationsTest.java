package vn.gov.training.enrolment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import vn.gov.training.platform.testing.Kafka;
import vn.gov.training.platform.testing.Poll;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.testing.Tokens;
import vn.gov.training.platform.time.ProvinceTime;

/** What an institution does with a class, and what the class's and people's events do to enrolments. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ClassOperationsTest {

    @BeforeEach
    void units() {
        Copies.units();
    }

    private static UUID id(Map<String, Object> record, String field) {
        return UUID.fromString((String) record.get(field));
    }

    @Test
    void theInstitutionEntersAttendanceAndResultsAsSheets() {
        Map<String, Object> a = Copies.person(UUID.randomUUID());
        a.put("fullName", "Võ Văn Bình");
        Map<String, Object> b = Copies.person(UUID.randomUUID());
        b.put("fullName", "Lê Thị An");
        Map<String, Object> c = Copies.person(UUID.randomUUID());
        c.put("fullName", "Phạm Minh Châu");
        Copies.people(List.of(a, b, c));
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 30);
        Copies.classEvent("opened", cls);
        UUID classId = id(cls, "classId");
        String ea = Api.nominated(id(a, "personnelId"), classId);
        String eb = Api.nominated(id(b, "personnelId"), classId);
        String ec = Api.nominated(id(c, "personnelId"), classId);
        List.of(ea, eb, ec).forEach(Api::approve);
        Copies.started(cls);

        given().header("Authorization", Tokens.bearer("institution-staff")).contentType("application/json")
                .body(Map.of("sessionId", Copies.FIRST_SESSION, "entries", List.of(Map.of("enrolmentId", ea, "status", "PRESENT"),
                        Map.of("enrolmentId", eb, "status", "EXCUSED"), Map.of("enrolmentId", ec, "status", "ABSENT"))))
                .put("/api/class-enrolments/" + classId + "/attendance").then().statusCode(200);
        given().header("Authorization", Tokens.bearer("institution-staff")).contentType("application/json")
                .body(Map.of("status", "PRESENT")).put("/api/enrolments/" + ec + "/attendance/" + Copies.FIRST_SESSION)
                .then().statusCode(200).body("status", equalTo("PRESENT"));

        String credential = "CC-" + Copies.suffix();
        List<Map<String, Object>> results = Api.post("institution-staff", "/api/class-enrolments/" + classId + "/results",
                Map.of("rows", List.of(
                        Map.of("enrolmentId", ea, "outcome", "COMPLETED", "grade", "EXCELLENT", "credentialNumber",
                                credential, "periodsAttended", 240),
                        Map.of("enrolmentId", eb, "outcome", "FAILED", "reason", "Vắng quá số tiết quy định"),
                        // a credential number may be used once only: this row is refused, the others are saved
                        Map.of("enrolmentId", ec, "outcome", "COMPLETED", "grade", "GOOD", "credentialNumber",
                                credential)))).then().statusCode(200).extract().jsonPath().getList("");
        assertEquals(List.of(200, 200, 409), results.stream().map(r -> r.get("status")).toList());
        assertEquals("credential-number-taken", results.get(2).get("code"));

        // learners sorted by given name: An, Bình, Châu
        Api.get("institution-staff", "/api/class-enrolments/" + classId).then().statusCode(200)
                .body("fullName", equalTo(List.of("Lê Thị An", "Võ Văn Bình", "Phạm Minh Châu")))
                .body("status", equalTo(List.of("FAILED", "COMPLETED", "APPROVED")))
                .body("[2].attendance[0].status", equalTo("PRESENT"));
    }

    @Test
    void aRejectionOfAnApprovedEnrolmentPromotesTheFirstWaitlisted() {
        List<Map<String, Object>> people = List.of(Copies.person(UUID.randomUUID()), Copies.person(UUID.randomUUID()),
                Copies.person(UUID.randomUUID()));
        Copies.people(people);
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 1);
        Copies.classEvent("opened", cls);
        List<String> ids = people.stream().map(p -> Api.nominated(id(p, "personnelId"), id(cls, "classId"))).toList();
        ids.forEach(Api::approve);
        Api.post("institution-staff", "/api/enrolments/" + ids.get(0) + "/reject", Map.of("reason", "Sai đối tượng"))
                .then().statusCode(200).body("status", equalTo("REJECTED"));
        Api.get("province-manager", "/api/enrolments/" + ids.get(1)).then().body("status", equalTo("APPROVED"));
        Api.get("province-manager", "/api/enrolments/" + ids.get(2)).then().body("status", equalTo("WAITLISTED"));
        Api.get("admin", "/api/enrolments/" + ids.get(1) + "/history").then()
                .body("action", equalTo(List.of("nominated", "waitlisted", "promoted")));
    }

    @Test
    void aCancelledClassWithdrawsItsEnrolments() {
        Map<String, Object> person = Copies.person(UUID.randomUUID());
        Copies.person(person);
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 10);
        Copies.classEvent("opened", cls);
        String id = Api.nominated(id(person, "personnelId"), id(cls, "classId"));
        cls.put("status", "CANCELLED");
        cls.put("cancelReason", "Không đủ học viên");
        Copies.classEvent("cancelled", cls);
        Poll.until(Duration.ofSeconds(30), () -> Api.get("province-manager", "/api/enrolments/" + id).jsonPath()
                .getString("status"), "WITHDRAWN"::equals);
        Api.get("province-manager", "/api/enrolments/" + id).then().body("reason", equalTo("class-cancelled"));
    }

    @Test
    void overseasTraineesWithoutAReturnReportWithin15DaysAreListed() {
        Map<String, Object> person = Copies.person(UUID.randomUUID());
        Copies.person(person);
        Map<String, Object> program = Copies.program(UUID.randomUUID());
        program.put("overseas", true);
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), program, 5);
        cls.put("location", "OVERSEAS");
        cls.put("country", "SG");
        cls.put("funding", List.of(Map.of("source", "SPONSOR", "percent", 100)));
        Copies.classEvent("opened", cls);
        String id = Api.nominated(id(person, "personnelId"), id(cls, "classId"));
        Api.approve(id);
        Copies.started(cls, ProvinceTime.today().minusDays(60), ProvinceTime.today().minusDays(25));
        // dates out of order are refused: a return before the class began or in the future, a report before the return
        Api.post("province-manager", "/api/enrolments/" + id + "/return",
                Map.of("returnedOn", ProvinceTime.today().minusDays(61).toString())).then().statusCode(400)
                .body("errors[0].field", equalTo("returnedOn")).body("errors[0].code", equalTo("date-before-class-start"));
        Api.post("province-manager", "/api/enrolments/" + id + "/return",
                Map.of("returnedOn", ProvinceTime.today().plusDays(1).toString())).then().statusCode(400)
                .body("errors[0].code", equalTo("date-in-future"));
        Api.post("province-manager", "/api/enrolments/" + id + "/return",
                Map.of("reportSubmittedOn", ProvinceTime.today().minusDays(30).toString())).then().statusCode(400)
                .body("errors[0].field", equalTo("returnedOn")).body("errors[0].code", equalTo("required"));
        Api.post("province-manager", "/api/enrolments/" + id + "/return",
                Map.of("returnedOn", ProvinceTime.today().minusDays(20).toString(),
                        "reportSubmittedOn", ProvinceTime.today().minusDays(21).toString())).then().statusCode(400)
                .body("errors[0].field", equalTo("reportSubmittedOn"))
                .body("errors[0].code", equalTo("report-before-return"));
        Api.get("province-manager", "/api/enrolments/" + id).then().body("returnedOn", equalTo(null));
        Api.post("province-manager", "/api/enrolments/" + id + "/return",
                Map.of("returnedOn", ProvinceTime.today().minusDays(20).toString())).then().statusCode(200);
        Api.get("province-manager", "/api/enrolments/overdue-return-reports").then().statusCode(200)
                .body("id", hasItem(id));
        Api.post("unit-officer", "/api/enrolments/" + id + "/return",
                Map.of("reportSubmittedOn", ProvinceTime.today().minusDays(21).toString())).then().statusCode(400)
                .body("errors[0].code", equalTo("report-before-return"));
        Api.post("unit-officer", "/api/enrolments/" + id + "/return",
                Map.of("reportSubmittedOn", ProvinceTime.today().toString())).then().statusCode(200);
        Api.get("province-manager", "/api/enrolments/overdue-return-reports").then().statusCode(200)
                .body("id", not(hasItem(id)));
    }

    @Test
    void staffAskForThemselvesOnlyWithAPersonnelRecordLinkedToTheirAccount() {
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 10);
        Copies.classEvent("opened", cls);
        // the demo user "staff-unlinked" has no personnel_id claim ("staff" is linked to a person by the demo data)
        Api.post("staff-unlinked", "/api/enrolment-requests", Map.of("classId", cls.get("classId"))).then().statusCode(403)
                .body("code", equalTo("no-personnel-id"));
        Api.post("unit-officer", "/api/enrolment-requests", Map.of("classId", cls.get("classId"))).then()
                .statusCode(403);
        Api.get("staff-unlinked", "/api/enrolments").then().statusCode(200).body("total", equalTo(0));
        // a class that takes no requests (registration not yet open) is refused at once, for anyone
        Map<String, Object> later = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 10);
        later.put("registrationOpensOn", ProvinceTime.today().plusDays(10).toString());
        Copies.classEvent("opened", later);
        Api.post("staff-unlinked", "/api/enrolment-requests", Map.of("classId", later.get("classId"))).then()
                .statusCode(422).body("code", equalTo("registration-closed"));
    }

    @Test
    void aPersonnelEventThatDoesNotParseGoesToTheDeadLetterTopic() {
        String key = UUID.randomUUID().toString();
        try (KafkaCompanion kafka = Kafka.companion()) {
            ConsumerTask<String, String> deadLetters = kafka.consumeStrings().fromTopics("personnel.dlt");
            ProducerRecord<String, String> poison = new ProducerRecord<>("personnel", key, "{\"personnelId\": 42");
            poison.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            poison.headers().add("ce_type", "vn.gov.training.personnel.registered.v1".getBytes(StandardCharsets.UTF_8));
            kafka.produceStrings().fromRecords(poison).awaitCompletion();
            List<ConsumerRecord<String, String>> mine = Poll.until(Duration.ofSeconds(30),
                    () -> deadLetters.getRecords().stream().filter(r -> key.equals(r.key())).toList(),
                    records -> !records.isEmpty());
            deadLetters.stop();
            String reason = new String(mine.get(0).headers().lastHeader("dead-letter-reason").value(),
                    StandardCharsets.UTF_8);
            assertTrue(reason.contains("does not parse"), reason);
        }
    }
}

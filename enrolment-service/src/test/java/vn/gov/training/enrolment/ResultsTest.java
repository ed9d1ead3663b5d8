package vn.gov.training.enrolment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import vn.gov.training.platform.testing.Kafka;
import vn.gov.training.platform.testing.Poll;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.testing.Tokens;
import vn.gov.training.platform.time.ProvinceTime;
import vn.gov.training.platform.testing.EventContract;

/** Exams, completion and its event, the training history and public credential verification. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResultsTest {

    @BeforeEach
    void units() {
        Copies.units();
    }

    private static String approvedEnrolment(Map<String, Object> person, Map<String, Object> cls) {
        String id = Api.nominated(UUID.fromString((String) person.get("personnelId")),
                UUID.fromString((String) cls.get("classId")));
        Api.approve(id);
        return id;
    }

    @Test
    void aCompletionIsPublishedWithGradeCredentialPeriodsCostFundingAndTheGrantedLevel() throws Exception {
        Map<String, Object> person = Copies.person(UUID.randomUUID());
        Copies.person(person);
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 30);
        Copies.classEvent("opened", cls);
        String id = approvedEnrolment(person, cls);
        Copies.started(cls, LocalDate.of(2026, 2, 2), LocalDate.of(2026, 3, 4));
        String credential = "QLNN-" + Copies.suffix();
        try (KafkaCompanion kafka = Kafka.companion()) {
            ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics("enrolment");
            Api.post("institution-staff", "/api/enrolments/" + id + "/exams",
                    Map.of("kind", "EXIT", "score", 8.5, "passed", true, "takenOn", "2026-03-01"))
                    .then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
            Api.post("institution-staff", "/api/enrolments/" + id + "/complete", Map.of("grade", "GOOD",
                    "credentialNumber", credential, "credentialIssuedOn", "2026-03-05", "periodsAttended", 236,
                    "completedOn", "2026-03-04")).then().statusCode(200).body("status", equalTo("COMPLETED"));

            List<ConsumerRecord<String, String>> mine = Poll.until(Duration.ofSeconds(30),
                    () -> events.getRecords().stream().filter(r -> id.equals(r.key())).toList(),
                    records -> records.stream().anyMatch(r -> type(r).endsWith(".completed.v1")));
            events.stop();
            assertEquals(List.of("vn.gov.training.enrolment.nominated.v1", "vn.gov.training.enrolment.approved.v1",
                    "vn.gov.training.enrolment.exam-recorded.v1", "vn.gov.training.enrolment.completed.v1"),
                    mine.stream().map(ResultsTest::type).toList());
            for (ConsumerRecord<String, String> event : mine) {
                EventContract.published().assertValid(event);
            }
            // the schema is not vacuous: a status outside the contract breaks it
            assertTrue(!EventContract.published().errorsOf("enrolment", "vn.gov.training.enrolment.completed.v1",
                    mine.get(3).value().replace("\"COMPLETED\"", "\"PAUSED\""))
                    .isEmpty());
            JsonNode completed = new ObjectMapper().readTree(mine.get(3).value());
            // the class's institution, by code and name, for the national file's training history
            assertEquals("TCT-HG", completed.path("institutionCode").asText());
            assertEquals("Trường Chính trị tỉnh Hậu Giang", completed.path("institutionName").asText());
            assertEquals("COMPLETED", completed.path("status").asText());
            assertEquals("GOOD", completed.path("grade").asText());
            assertEquals(credential, completed.path("credentialNumber").asText());
            assertEquals("2026-03-05", completed.path("credentialIssuedOn").asText());
            assertEquals(236, completed.path("periodsAttended").asInt());
            assertEquals(6_000_000L, completed.path("costVnd").asLong());
            assertEquals("STATE_BUDGET", completed.path("fundingSource").asText());
            assertEquals("STATE_MANAGEMENT", completed.path("grantsLevel").path("kind").asText());
            assertEquals("SPECIALIST", completed.path("grantsLevel").path("level").asText());
            assertEquals("FIT", completed.path("fit").path("assessment").asText());
            assertEquals("2026-03-04", completed.path("completedOn").asText());
            assertEquals(person.get("personnelId"), completed.path("personnelId").asText());
            assertTrue(completed.path("exams").get(0).path("passed").asBoolean());
        }

        Api.get("province-manager", "/api/personnel/" + person.get("personnelId") + "/training-history").then()
                .statusCode(200).body("entries[0].credentialNumber", equalTo(credential))
                .body("entries[0].grade", equalTo("GOOD"));
        // the history is personal: another district's officer does not see it
        Api.get("unit-officer-2", "/api/personnel/" + person.get("personnelId") + "/training-history").then()
                .statusCode(404);

        given().get("/api/credentials/" + credential + "/verify").then().statusCode(200)
                .body("genuine", equalTo(true)).body("holder", equalTo("Nguyễn T. H. Khang"))
                .body("grade", equalTo("GOOD")).body("issuedOn", equalTo("2026-03-05"));
        given().get("/api/credentials/FAKE-" + Copies.suffix() + "/verify").then().statusCode(200)
                .body("genuine", equalTo(false));
        // every change is audited with who made it
        Api.get("admin", "/api/enrolments/" + id + "/history").then().statusCode(200)
                .body("action", equalTo(List.of("nominated", "approved", "exam-recorded", "completed")))
                .body("actor[3]", equalTo("institution-staff"));
    }

    @Test
    void aFailedEntryExamEndsTheEnrolmentAndAFailedExitExamAllowsTheProgrammesRetakes() {
        Map<String, Object> a = Copies.person(UUID.randomUUID());
        Map<String, Object> b = Copies.person(UUID.randomUUID());
        Copies.people(List.of(a, b));
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 30);
        Copies.classEvent("opened", cls);
        String first = approvedEnrolment(a, cls);
        String second = approvedEnrolment(b, cls); // the programme allows 1 retake of the exit exam
        Copies.started(cls);
        Api.post("institution-staff", "/api/enrolments/" + first + "/exams",
                Map.of("kind", "ENTRY", "score", 3, "passed", false)).then().statusCode(200)
                .body("status", equalTo("FAILED")).body("reason", equalTo("entry-exam-failed"));

        Api.post("institution-staff", "/api/enrolments/" + second + "/exams",
                Map.of("kind", "EXIT", "score", 4, "passed", false)).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
        Api.post("institution-staff", "/api/enrolments/" + second + "/exams",
                Map.of("kind", "EXIT", "score", 4.5, "passed", false)).then().statusCode(200)
                .body("status", equalTo("FAILED")).body("exams.size()", equalTo(2));
    }

    @Test
    void resultsOnAClassThatHasNotStartedOrDatedInTheFutureOrBeforeTheStartAreRefusedAndNothingIsWritten() {
        Map<String, Object> person = Copies.person(UUID.randomUUID());
        Copies.person(person);
        // an OPEN class starting in 30 days: nothing can be graded yet
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 30);
        Copies.classEvent("opened", cls);
        String id = approvedEnrolment(person, cls);
        given().header("Authorization", Tokens.bearer("institution-staff")).header("Accept-Language", "vi")
                .contentType("application/json").body(Map.of("grade", "GOOD"))
                .post("/api/enrolments/" + id + "/complete").then().statusCode(400).contentType("application/problem+json").body("code", equalTo("validation-failed"))
                .body("errors[0].field", equalTo("completedOn")).body("errors[0].code", equalTo("class-not-started"))
                .body("errors[0].message", equalTo("Lớp " + cls.get("code") + " chưa khai giảng (ngày khai giảng "
                        + vi(LocalDate.parse((String) cls.get("startDate")))
                        + "): chưa thể ghi kết quả thi hay kết quả học tập"));
        Api.post("institution-staff", "/api/enrolments/" + id + "/exams",
                Map.of("kind", "ENTRY", "score", 8, "passed", true)).then().statusCode(400)
                .body("errors[0].field", equalTo("takenOn")).body("errors[0].code", equalTo("class-not-started"));
        Api.post("institution-staff", "/api/enrolments/" + id + "/fail", Map.of("reason", "Bỏ học")).then()
                .statusCode(400).body("errors[0].code", equalTo("class-not-started"));

        // started ten days ago: no date in the future, no completion or credential before the first day
        Copies.started(cls);
        LocalDate today = ProvinceTime.today();
        LocalDate start = LocalDate.parse((String) cls.get("startDate"));
        Api.post("institution-staff", "/api/enrolments/" + id + "/complete", Map.of("grade", "GOOD",
                "completedOn", today.plusDays(1).toString(), "credentialIssuedOn", start.minusDays(1).toString()))
                .then().statusCode(400)
                .body("errors.field", equalTo(List.of("completedOn", "credentialIssuedOn")))
                .body("errors.code", equalTo(List.of("date-in-future", "date-before-class-start")))
                .body("errors[0].message", equalTo("Cannot be a date in the future (today is " + vi(today) + ")"))
                .body("errors[1].message", equalTo("Cannot be before the class's start date (" + vi(start) + ")"));
        Api.post("institution-staff", "/api/enrolments/" + id + "/exams",
                Map.of("kind", "EXIT", "score", 8, "passed", true, "takenOn", start.minusDays(1).toString()))
                .then().statusCode(400).body("errors[0].code", equalTo("date-before-class-start"));
        given().header("Authorization", Tokens.bearer("institution-staff")).header("Accept-Language", "vi")
                .contentType("application/json").body(Map.of("reason", "Bỏ học", "date", today.plusDays(3).toString()))
                .post("/api/enrolments/" + id + "/fail").then().statusCode(400)
                .body("errors[0].field", equalTo("date"))
                .body("errors[0].message", equalTo("Không được là ngày trong tương lai (hôm nay là " + vi(today) + ")"));
        // the results sheet refuses the row the same way
        Api.post("institution-staff", "/api/class-enrolments/" + cls.get("classId") + "/results", Map.of("rows",
                List.of(Map.of("enrolmentId", id, "outcome", "COMPLETED", "grade", "GOOD",
                        "date", today.plusDays(1).toString())))).then().statusCode(200)
                .body("[0].status", equalTo(400)).body("[0].code", equalTo("date-in-future"));

        // nothing was written: the enrolment is as approved, and its history has no exam or result
        Api.get("province-manager", "/api/enrolments/" + id).then().body("status", equalTo("APPROVED"))
                .body("exams.size()", equalTo(0));
        Api.get("admin", "/api/enrolments/" + id + "/history").then()
                .body("action", equalTo(List.of("nominated", "approved")));

        // the same records, dated plausibly, are accepted
        Api.post("institution-staff", "/api/enrolments/" + id + "/complete", Map.of("grade", "GOOD",
                "completedOn", today.toString(), "credentialIssuedOn", today.toString())).then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
    }

    private static String vi(LocalDate date) {
        return String.format("%02d/%02d/%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    @Test
    void institutionStaffRecordOnlyTheirOwnInstitutionsClasses() {
        Map<String, Object> person = Copies.person(UUID.randomUUID());
        Copies.person(person);
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 30);
        cls.put("institutionCode", "HVCTQG");
        Copies.classEvent("opened", cls);
        String id = approvedEnrolment(person, cls);
        Api.post("institution-staff", "/api/enrolments/" + id + "/complete", Map.of("grade", "GOOD"))
                .then().statusCode(403).body("code", equalTo("not-class-institution"));
    }

    @Test
    @Order(Integer.MAX_VALUE) // last (unordered tests come at MAX_VALUE / 2): it empties the bucket
    void credentialVerificationIsRateLimitedPerClient() {
        Response last = null;
        for (int i = 0; i < 40; i++) {
            last = given().get("/api/credentials/X-" + i + "/verify");
            if (last.statusCode() == 429) {
                break;
            }
        }
        assertEquals(429, last.statusCode());
        assertTrue(Integer.parseInt(last.header("Retry-After")) >= 1);
        assertEquals("rate-limited", last.jsonPath().getString("code"));
    }

    private static String type(ConsumerRecord<String, String> r) {
        return new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }
}

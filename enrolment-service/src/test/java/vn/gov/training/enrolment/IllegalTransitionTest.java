package vn.gov.training.enrolment;

import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import vn.gov.training.platform.testing.RealInfrastructure;

/** An action the enrolment's status does not allow is a 409 problem with a stable code, never "Lỗi hệ thống". */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class IllegalTransitionTest {

    @BeforeEach
    void units() {
        Copies.units();
    }

    private static String nominatedEnrolment() {
        return nominatedEnrolment(Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 30));
    }

    private static String nominatedEnrolment(Map<String, Object> cls) {
        Map<String, Object> person = Copies.person(UUID.randomUUID());
        Copies.person(person);
        Copies.classEvent("opened", cls);
        return Api.nominated(UUID.fromString((String) person.get("personnelId")),
                UUID.fromString((String) cls.get("classId")));
    }

    private static void wrongStatus(ValidatableResponse response, String current) {
        response.statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("enrolment-wrong-status"))
                .body("status", equalTo(409))
                .body("currentStatus", equalTo(current))
                .body("title", equalTo("Not allowed in the enrolment's status"));
    }

    @Test
    void approvingTwiceIsAConflict() {
        String id = nominatedEnrolment();
        Api.approve(id);
        wrongStatus(Api.post("province-manager", "/api/enrolments/" + id + "/approve", Map.of()).then(), "APPROVED");
        Api.get("province-manager", "/api/enrolments/" + id).then().statusCode(200)
                .body("status", equalTo("APPROVED"));
    }

    @Test
    void rejectingOrWithdrawingAWithdrawnEnrolmentIsAConflict() {
        String id = nominatedEnrolment();
        Api.post("province-manager", "/api/enrolments/" + id + "/withdraw", Map.of("reason", "Chuyển công tác"))
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        wrongStatus(Api.post("province-manager", "/api/enrolments/" + id + "/reject", Map.of("reason", "x")).then(),
                "WITHDRAWN");
        wrongStatus(Api.post("province-manager", "/api/enrolments/" + id + "/withdraw", Map.of("reason", "x")).then(),
                "WITHDRAWN");
    }

    @Test
    void anExamOnAFailedEnrolmentIsAConflict() {
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 30);
        String id = nominatedEnrolment(cls);
        Api.approve(id);
        // results are recorded only on a class that has started
        Copies.started(cls);
        Api.post("institution-staff", "/api/enrolments/" + id + "/fail", Map.of("reason", "Bỏ học giữa chừng"))
                .then().statusCode(200).body("status", equalTo("FAILED"));
        wrongStatus(Api.post("institution-staff", "/api/enrolments/" + id + "/exams",
                Map.of("kind", "EXIT", "score", 8.5, "passed", true)).then(), "FAILED");
    }
}

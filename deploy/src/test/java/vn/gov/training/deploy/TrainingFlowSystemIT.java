package vn.gov.training.deploy;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import vn.gov.training.platform.testing.Poll;

/**
 * The training flow end to end, through the gateway with real tokens and the real event flow: a person, a published
 * programme that grants a level, an open class; the person is nominated, approved and completes it; then
 * personnel-service records the granted level once (source ENROLMENT) and the training summary counts the turn.
 */
class TrainingFlowSystemIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static String gateway() {
        return SystemData.gateway();
    }

    /** A class that ran until today, registration still open today; returns its id. */
    private static String openClass(String code, String programId, String unit, LocalDate today) {
        return SystemData.openClass(code, programId, unit, today.minusDays(4), today, today.minusDays(20), today,
                2_500_000, List.of(Map.of("date", today.minusDays(4).toString(), "startTime", "07:30", "endTime",
                        "11:00", "topic", "Một số vấn đề cơ bản về chủ nghĩa Mác – Lênin", "lecturer",
                        "ThS. Phạm Ngọc Ánh")));
    }

    @Test
    void aCompletedClassGrantsItsLevelOnceAndIsCountedAsATrainingTurn() {
        LocalDate today = ProvinceDay.today();
        String suffix = SystemData.suffix();
        String unit = SystemData.newUnit("Phòng kiểm thử đào tạo");
        String personId = SystemData.newPerson(unit, "Lê Thị Bích Trâm").path("id");
        SystemData.ensureInstitution();
        String programId = SystemData.publishedProgramme("SYS-SC-" + suffix,
                "Sơ cấp lý luận chính trị (kiểm thử hệ thống SYS-SC-" + suffix + ")", "POLITICAL_THEORY", "ELEMENTARY",
                Map.of("kind", "POLITICAL_THEORY", "level", "ELEMENTARY"));
        String classId = openClass("SYS-SC-" + suffix + "-K01", programId, unit, today);

        // enrolment-service learns the person and the class from events
        Poll.until(DEADLINE, () -> SystemData.as("admin").get(gateway() + "/api/person-copy/" + personId).statusCode(),
                status -> status == 200);
        Poll.until(DEADLINE, () -> SystemData.as("admin").get(gateway() + "/api/class-copy/" + classId)
                .then().extract().<String>path("status"), "OPEN"::equals);

        String enrolmentId = SystemData.as("admin").body(Map.of("personnelId", personId, "classId", classId,
                        "decisionNumber", "15/QĐ-" + suffix, "decisionDate", today.minusDays(10).toString()))
                .post(gateway() + "/api/enrolments").then().statusCode(201).extract().path("id");
        SystemData.as("admin").body(Map.of()).post(gateway() + "/api/enrolments/" + enrolmentId + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED"));
        // results are recorded on a class that has started (issue 12)
        SystemData.as("admin").body(Map.of()).post(gateway() + "/api/classes/" + classId + "/start")
                .then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
        Poll.until(DEADLINE, () -> SystemData.as("admin").get(gateway() + "/api/class-copy/" + classId)
                .then().extract().<String>path("status"), "IN_PROGRESS"::equals);
        SystemData.as("admin").body(Map.of("grade", "GOOD", "credentialNumber", "SC-" + suffix,
                        "credentialIssuedOn", today.toString(), "completedOn", today.toString()))
                .post(gateway() + "/api/enrolments/" + enrolmentId + "/complete")
                .then().statusCode(200).body("status", equalTo("COMPLETED"));

        // personnel-service records the granted level, from the completion event
        JsonPath levels = Poll.until(DEADLINE, () -> SystemData.as("admin")
                        .get(gateway() + "/api/personnel/" + personId + "/levels").then().statusCode(200).extract()
                        .jsonPath(),
                l -> l.getList("findAll { it.kind == 'POLITICAL_THEORY' }").size() == 1);
        assertEquals("ELEMENTARY", levels.getString("find { it.kind == 'POLITICAL_THEORY' }.level"));

        // the reporting summary of the person's unit counts the turn, as completed
        String from = today.minusDays(4).withDayOfMonth(1).toString();
        String to = today.toString();
        JsonPath summary = Poll.until(DEADLINE, () -> SystemData.as("admin")
                        .queryParam("unit", unit).queryParam("from", from).queryParam("to", to)
                        .get(gateway() + "/api/reports/training-summary").then().statusCode(200).extract().jsonPath(),
                s -> s.getLong("total.turns") >= 1);
        assertEquals(1L, summary.getLong("total.turns"));
        assertEquals(1L, summary.getLong("total.completed"));
        assertEquals(1L, summary.getLong("total.people"));

        // recorded once: exactly one qualification from an enrolment, with the credential of the class
        JsonPath qualifications = SystemData.as("admin").get(gateway() + "/api/personnel/" + personId
                + "/qualifications").then().statusCode(200).extract().jsonPath();
        assertEquals(1, qualifications.getList("findAll { it.source == 'ENROLMENT' }").size());
        assertEquals("SC-" + suffix, qualifications.getString("find { it.source == 'ENROLMENT' }.credentialNumber"));
    }
}

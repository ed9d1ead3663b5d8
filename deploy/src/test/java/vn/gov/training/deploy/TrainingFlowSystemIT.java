package vn.gov.training.deploy;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
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
    private static final String INSTITUTION = "SYS-TCT";

    private static String gateway() {
        return SystemData.gateway();
    }

    private static void ensureInstitution() {
        if (SystemData.as("admin").get(gateway() + "/api/institutions/" + INSTITUTION).statusCode() == 404) {
            int status = SystemData.as("admin").body(Map.of("code", INSTITUTION, "name",
                            "Trường Chính trị tỉnh (kiểm thử hệ thống)", "kind", "POLITICAL_SCHOOL", "country", "VN"))
                    .post(gateway() + "/api/institutions").statusCode();
            if (status != 201 && status != 409) {
                throw new AssertionError("creating the institution answered " + status);
            }
        }
    }

    private static Map<String, Object> emptyTargets() {
        Map<String, Object> groups = new HashMap<>();
        for (String key : List.of("categories", "rankCodes", "titleCodes", "jobPositionCodes", "managementTiers",
                "defenceGroups")) {
            groups.put(key, List.of());
        }
        return groups;
    }

    private static String publishedProgramme(String code) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "Sơ cấp lý luận chính trị (kiểm thử hệ thống " + code + ")");
        body.put("category", "POLITICAL_THEORY");
        body.put("level", "ELEMENTARY");
        body.put("periods", 40);
        body.put("days", 5);
        body.put("deliveryMode", "CONCENTRATED");
        body.put("credential", "CERTIFICATE");
        body.put("grantsLevel", Map.of("kind", "POLITICAL_THEORY", "level", "ELEMENTARY"));
        body.put("yearlyMinimumPeriods", 40);
        body.put("targetGroups", emptyTargets());
        body.put("prerequisites", List.of());
        body.put("requiredRankCodes", List.of());
        body.put("postgraduate", false);
        body.put("overseas", false);
        body.put("maxExitExamRetakes", 1);
        String id = SystemData.as("admin").body(body).post(gateway() + "/api/programs")
                .then().statusCode(201).extract().path("id");
        SystemData.as("admin").body(Map.of()).post(gateway() + "/api/programs/" + id + "/publish")
                .then().statusCode(200).body("status", equalTo("PUBLISHED"));
        return id;
    }

    /** A class that ran until today, registration still open today; returns its id. */
    private static String openClass(String code, String programId, String unit, LocalDate today) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("programId", programId);
        body.put("institutionCode", INSTITUTION);
        body.put("organisingUnitCode", unit);
        body.put("location", "DOMESTIC");
        body.put("country", "VN");
        body.put("venue", "Hội trường Trường Chính trị tỉnh");
        body.put("startDate", today.minusDays(4).toString());
        body.put("endDate", today.toString());
        body.put("registrationOpensOn", today.minusDays(20).toString());
        body.put("registrationClosesOn", today.toString());
        body.put("capacity", 30);
        body.put("minCapacity", 1);
        body.put("costPerLearnerVnd", 2_500_000);
        body.put("funding", List.of(Map.of("source", "STATE_BUDGET", "percent", 100)));
        body.put("sessions", List.of(Map.of("date", today.minusDays(4).toString(), "startTime", "07:30", "endTime",
                "11:00", "topic", "Một số vấn đề cơ bản về chủ nghĩa Mác – Lênin", "lecturer", "ThS. Phạm Ngọc Ánh")));
        String id = SystemData.as("admin").body(body).post(gateway() + "/api/classes")
                .then().statusCode(201).extract().path("id");
        SystemData.as("admin").body(Map.of()).post(gateway() + "/api/classes/" + id + "/open")
                .then().statusCode(200).body("status", equalTo("OPEN"));
        return id;
    }

    @Test
    void aCompletedClassGrantsItsLevelOnceAndIsCountedAsATrainingTurn() {
        LocalDate today = ProvinceDay.today();
        String suffix = SystemData.suffix();
        String unit = SystemData.newUnit("Phòng kiểm thử đào tạo");
        String personId = SystemData.newPerson(unit, "Lê Thị Bích Trâm").path("id");
        ensureInstitution();
        String programId = publishedProgramme("SYS-SC-" + suffix);
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

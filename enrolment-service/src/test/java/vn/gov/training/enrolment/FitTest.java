package vn.gov.training.enrolment;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.time.ProvinceTime;

/** The fit of training to the person, shown before submitting and recorded on the enrolment. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class FitTest {

    @BeforeEach
    void units() {
        Copies.units();
    }

    private static Map<String, Object> assess(Map<String, Object> person, Map<String, Object> cls) {
        return Map.of("personnelId", person.get("personnelId"), "classId", cls.get("classId"));
    }

    @Test
    void trainingForThePersonsJobPositionFits() {
        Map<String, Object> person = Copies.person(UUID.randomUUID());
        Copies.person(person);
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 30);
        Copies.classEvent("opened", cls);
        Api.post("unit-officer", "/api/enrolments/assess", assess(person, cls)).then().statusCode(200)
                .body("eligible", equalTo(true)).body("fit.assessment", equalTo("FIT"));
    }

    @Test
    void trainingThatServesNeitherPositionNorTitleIsAMisfitThatNeedsAJustification() {
        Map<String, Object> person = Copies.person(UUID.randomUUID());
        person.put("jobPositionCode", "KE-TOAN");
        Copies.person(person);
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 30);
        Copies.classEvent("opened", cls);

        Api.post("unit-officer", "/api/enrolments/assess", assess(person, cls)).then().statusCode(200)
                .body("eligible", equalTo(true)).body("fit.assessment", equalTo("MISFIT"))
                .body("fit.reasons.code", contains("not-for-position-or-title"));
        Map<String, Object> nomination = Api.nomination(UUID.fromString((String) person.get("personnelId")),
                UUID.fromString((String) cls.get("classId")));
        Api.nominate("unit-officer", nomination).then().statusCode(422)
                .body("code", equalTo("misfit-needs-justification"));
        nomination.put("justification", "Chuẩn bị luân chuyển sang vị trí tổng hợp năm 2027");
        Api.nominate("unit-officer", nomination).then().statusCode(201)
                .body("fit.assessment", equalTo("MISFIT"))
                .body("fit.reasons.code", contains("not-for-position-or-title"))
                .body("justification", equalTo("Chuẩn bị luân chuyển sang vị trí tổng hợp năm 2027"));
    }

    @Test
    void aPlannedTitleMakesTheTrainingFit() {
        Map<String, Object> person = Copies.person(UUID.randomUUID());
        person.put("jobPositionCode", "KE-TOAN");
        person.put("plannedTitles", List.of(Map.of("planId", UUID.randomUUID().toString(), "titleCode", "TRUONG-PHONG",
                "orgUnitCode", "HG.VT", "termStart", 2025, "termEnd", 2030, "status", "ACTIVE")));
        Copies.person(person);
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 30);
        Copies.classEvent("opened", cls);
        Api.post("province-manager", "/api/enrolments/assess", assess(person, cls)).then().statusCode(200)
                .body("fit.assessment", equalTo("FIT"));
    }

    @Test
    void someoneWhoAlreadyHoldsTheLevelIsAMisfit() {
        Map<String, Object> person = Copies.person(UUID.randomUUID());
        person.put("qualifications", List.of(
                Map.of("qualificationId", UUID.randomUUID().toString(), "kind", "EDUCATION", "level", "BACHELOR",
                        "awardedOn", "2012-06-30", "source", "MANUAL"),
                Map.of("qualificationId", UUID.randomUUID().toString(), "kind", "STATE_MANAGEMENT",
                        "level", "PRINCIPAL_SPECIALIST", "awardedOn", "2020-06-30", "source", "MANUAL")));
        Copies.person(person);
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 30);
        Copies.classEvent("opened", cls);
        Api.post("province-manager", "/api/enrolments/assess", assess(person, cls)).then().statusCode(200)
                .body("fit.assessment", equalTo("MISFIT")).body("fit.reasons.code", hasItem("already-holds-level"));
    }

    @Test
    void theSameContentCompletedRecentlyIsAWarning() {
        Map<String, Object> person = Copies.person(UUID.randomUUID());
        Copies.person(person);
        UUID personnelId = UUID.fromString((String) person.get("personnelId"));
        Map<String, Object> program = Copies.program(UUID.randomUUID());
        program.put("grantsLevel", null);
        // last year's class of the programme, back-filled by the province and completed
        Map<String, Object> past = Copies.cls(UUID.randomUUID(), program, 30);
        past.put("startDate", ProvinceTime.today().minusYears(1).toString());
        past.put("endDate", ProvinceTime.today().minusYears(1).plusDays(30).toString());
        past.put("status", "COMPLETED");
        Copies.classEvent("completed", past);
        Map<String, Object> backfill = Api.nomination(personnelId, UUID.fromString((String) past.get("classId")));
        backfill.put("historical", true);
        String id = Api.nominate("province-manager", backfill).then().statusCode(201).extract().path("id");
        Api.approve(id);
        Api.post("institution-staff", "/api/enrolments/" + id + "/complete", Map.of("grade", "GOOD",
                "credentialNumber", "CN-" + Copies.suffix())).then().statusCode(200).body("status", equalTo("COMPLETED"));

        Map<String, Object> again = Copies.cls(UUID.randomUUID(), program, 30);
        Copies.classEvent("opened", again);
        Api.post("province-manager", "/api/enrolments/assess", assess(person, again)).then().statusCode(200)
                .body("fit.assessment", equalTo("WARN")).body("fit.reasons.code", contains("completed-recently"));
    }
}

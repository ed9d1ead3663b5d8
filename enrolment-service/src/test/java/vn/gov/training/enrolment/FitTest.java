package vn.gov.training.enrolment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.testing.Tokens;
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

        // the dry run for many reads its people's recent completions at once: the same answer for each
        Map<String, Object> other = Copies.person(UUID.randomUUID());
        Copies.person(other);
        Api.post("province-manager", "/api/enrolments/assess/bulk", Map.of("classId", again.get("classId"),
                        "personnelIds", List.of(other.get("personnelId"), person.get("personnelId"))))
                .then().statusCode(200)
                .body("results.fit.assessment", contains("FIT", "WARN"))
                .body("results[1].fit.reasons.code", contains("completed-recently"));
    }

    @Test
    void manyPeopleAreAssessedAtOnceAsEachWouldBeAlone() {
        Map<String, Object> fits = Copies.person(UUID.randomUUID());
        Copies.person(fits);
        Map<String, Object> misfit = Copies.person(UUID.randomUUID());
        misfit.put("jobPositionCode", "KE-TOAN");
        Copies.person(misfit);
        Map<String, Object> enrolled = Copies.person(UUID.randomUUID());
        Copies.person(enrolled);
        Map<String, Object> elsewhere = Copies.person(UUID.randomUUID());
        elsewhere.put("orgUnitCode", "HG.CT");
        Copies.person(elsewhere);
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 30);
        Copies.classEvent("opened", cls);
        UUID classId = UUID.fromString((String) cls.get("classId"));
        Api.nominated(UUID.fromString((String) enrolled.get("personnelId")), classId);
        String unknown = UUID.randomUUID().toString();

        List<Object> ids = List.of(fits.get("personnelId"), misfit.get("personnelId"), enrolled.get("personnelId"),
                unknown, elsewhere.get("personnelId"));
        Api.post("unit-officer", "/api/enrolments/assess/bulk", Map.of("classId", classId, "personnelIds", ids))
                .then().statusCode(200)
                .body("results.row", contains(0, 1, 2, 3, 4))
                .body("results.personnelId", contains(ids.toArray()))
                .body("results.status", contains(200, 200, 200, 422, 403))
                .body("results.eligible", contains(true, true, false, false, false))
                .body("results.rule", contains(null, null, "already-enrolled", "person-unknown", "unit-out-of-scope"))
                .body("results[2].title", equalTo("Already enrolled in this class"))
                .body("results[0..2].fit.assessment", contains("FIT", "MISFIT", "FIT"))
                .body("results[3].fit", nullValue()).body("results[4].fit", nullValue());
        // nobody known: every row says so
        Api.post("unit-officer", "/api/enrolments/assess/bulk", Map.of("classId", classId, "personnelIds",
                List.of(unknown))).then().statusCode(200)
                .body("results.status", contains(422)).body("results.rule", contains("person-unknown"));
        // each row is what the dry run for that person alone answers
        for (Map<String, Object> person : List.of(fits, misfit, enrolled)) {
            Map<String, Object> alone = Api.post("unit-officer", "/api/enrolments/assess", assess(person, cls))
                    .then().statusCode(200).extract().as(Map.class);
            Api.post("unit-officer", "/api/enrolments/assess/bulk", Map.of("classId", classId,
                            "personnelIds", List.of(person.get("personnelId")))).then().statusCode(200)
                    .body("results[0].eligible", equalTo(alone.get("eligible")))
                    .body("results[0].rule", equalTo(alone.get("rule")))
                    .body("results[0].fit", equalTo(alone.get("fit")));
        }
    }

    @Test
    void aDryRunForManyTakesAtMostFiveHundredPeople() {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 501; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        // in Vietnamese, as a caller who names no language gets it
        given().header("Authorization", Tokens.bearer("unit-officer")).contentType(ContentType.JSON)
                .body(Map.of("classId", UUID.randomUUID(), "personnelIds", ids)).post("/api/enrolments/assess/bulk")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("personnelIds"))
                .body("errors[0].message", equalTo("Quá nhiều mục (tối đa 500)"));
        Api.post("unit-officer", "/api/enrolments/assess/bulk", Map.of("classId", UUID.randomUUID(),
                        "personnelIds", List.of(UUID.randomUUID()))).then().statusCode(422)
                .body("code", equalTo("class-unknown"));
    }
}

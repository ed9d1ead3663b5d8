package vn.gov.training.enrolment;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.time.ProvinceTime;

/** Each hard rule refuses a nomination with 422 and its own stable code. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class EligibilityTest {

    @BeforeEach
    void units() {
        Copies.units();
    }

    private static void refused(Map<String, Object> person, Map<String, Object> cls, String rule) {
        UUID personnelId = UUID.fromString((String) person.get("personnelId"));
        UUID classId = UUID.fromString((String) cls.get("classId"));
        Api.nominate("province-manager", Api.nomination(personnelId, classId)).then().statusCode(422)
                .body("code", equalTo(rule)).body("rule", equalTo(rule)).body("title", notNullValue());
    }

    private static Map<String, Object> openClass(Map<String, Object> program) {
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), program, 30);
        Copies.classEvent("opened", cls);
        return cls;
    }

    @Test
    void aPersonWhoLeftCannotBeNominated() {
        Map<String, Object> person = Copies.person(UUID.randomUUID());
        person.put("status", "LEFT");
        person.put("leftOn", "2026-01-01");
        person.put("leftReason", "RETIRED");
        Copies.person(person);
        refused(person, openClass(Copies.program(UUID.randomUUID())), "person-not-active");
    }

    @Test
    void classMustBeOpenAndWithinItsRegistrationWindow() {
        Map<String, Object> person = Copies.person(UUID.randomUUID());
        Copies.person(person);
        Map<String, Object> planned = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 30);
        planned.put("status", "PLANNED");
        Copies.classEvent("scheduled", planned);
        refused(person, planned, "class-not-open");

        Map<String, Object> closed = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 30);
        closed.put("registrationClosesOn", ProvinceTime.today().minusDays(1).toString());
        Copies.classEvent("opened", closed);
        refused(person, closed, "registration-closed");
    }

    @Test
    void nobodyIsEnrolledTwiceInOneClass() {
        Map<String, Object> person = Copies.person(UUID.randomUUID());
        Copies.person(person);
        Map<String, Object> cls = openClass(Copies.program(UUID.randomUUID()));
        Api.nominated(UUID.fromString((String) person.get("personnelId")), UUID.fromString((String) cls.get("classId")));
        refused(person, cls, "already-enrolled");
    }

    @Test
    void prerequisitesAndTargetGroupAreChecked() {
        Map<String, Object> noDegree = Copies.person(UUID.randomUUID());
        noDegree.put("qualifications", List.of());
        Copies.person(noDegree);
        Map<String, Object> cls = openClass(Copies.program(UUID.randomUUID()));
        refused(noDegree, cls, "prerequisite-missing");

        Map<String, Object> cadre = Copies.person(UUID.randomUUID());
        cadre.put("category", "CADRE");
        Copies.person(cadre);
        refused(cadre, cls, "target-group-mismatch");
    }

    private static Map<String, Object> postgraduateClass() {
        Map<String, Object> program = Copies.program(UUID.randomUUID());
        program.put("category", "PROFESSIONAL");
        program.put("level", "MASTER");
        program.put("postgraduate", true);
        program.put("grantsLevel", Map.of("kind", "EDUCATION", "level", "MASTER"));
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), program, 10);
        cls.put("startDate", ProvinceTime.today().plusMonths(2).toString());
        cls.put("endDate", ProvinceTime.today().plusMonths(26).toString());
        Copies.classEvent("opened", cls);
        return cls;
    }

    @Test
    void postgraduateStudyMeetsTheRuleSetInForceForCivilServants() {
        Map<String, Object> cls = postgraduateClass();

        Map<String, Object> newcomer = Copies.person(UUID.randomUUID());
        newcomer.put("startedServiceOn", ProvinceTime.today().minusYears(2).toString());
        Copies.person(newcomer);
        refused(newcomer, cls, "postgraduate-service-years");

        // Decree 171/2025: at most 45 at the start (Decree 101/2017 said 40)
        Map<String, Object> older = Copies.person(UUID.randomUUID());
        older.put("dateOfBirth", ProvinceTime.today().minusYears(47).toString());
        Copies.person(older);
        refused(older, cls, "postgraduate-max-age");
        Map<String, Object> fortyTwo = Copies.person(UUID.randomUUID());
        fortyTwo.put("dateOfBirth", ProvinceTime.today().minusYears(42).toString());
        Copies.person(fortyTwo);
        Api.nominate("province-manager", Api.nomination(UUID.fromString((String) fortyTwo.get("personnelId")),
                UUID.fromString((String) cls.get("classId")))).then().statusCode(201);

        Map<String, Object> weak = Copies.person(UUID.randomUUID());
        int year = ProvinceTime.today().getYear();
        weak.put("ratings", List.of(Map.of("year", year - 1, "rating", "COMPLETED"),
                Map.of("year", year - 2, "rating", "GOOD")));
        Copies.person(weak);
        refused(weak, cls, "postgraduate-evaluation");
    }

    @Test
    void publicEmployeesStayUnderDecree101WithItsAgeLimitOf40() {
        Map<String, Object> cls = postgraduateClass();
        Map<String, Object> employee = Copies.person(UUID.randomUUID());
        employee.put("category", "PUBLIC_EMPLOYEE");
        employee.put("dateOfBirth", ProvinceTime.today().minusYears(42).toString());
        Copies.person(employee);
        refused(employee, cls, "postgraduate-max-age");
    }

    @Test
    void aUnitOfficerNominatesOnlyPeopleOfTheirSubtree() {
        Map<String, Object> cls = openClass(Copies.program(UUID.randomUUID()));
        Map<String, Object> elsewhere = Copies.person(UUID.randomUUID());
        elsewhere.put("orgUnitCode", "HG.CT");
        Map<String, Object> own = Copies.person(UUID.randomUUID());
        Copies.people(List.of(elsewhere, own));
        UUID classId = UUID.fromString((String) cls.get("classId"));
        Api.nominate("unit-officer", Api.nomination(UUID.fromString((String) elsewhere.get("personnelId")), classId))
                .then().statusCode(403).body("code", equalTo("unit-out-of-scope"));
        String id = Api.nominate("unit-officer", Api.nomination(UUID.fromString((String) own.get("personnelId")),
                classId)).then().statusCode(201).body("nominatingUnitCode", equalTo("HG.VT"))
                .extract().path("id");
        Api.get("unit-officer-2", "/api/enrolments/" + id).then().statusCode(404);
        Api.get("unit-officer", "/api/enrolments/" + id).then().statusCode(200);
        // unit officers do not approve
        Api.post("unit-officer", "/api/enrolments/" + id + "/approve", Map.of()).then().statusCode(403);
    }

    @Test
    void aFundingAmountAboveTheClassCostIsRefusedAndNothingIsSaved() {
        Map<String, Object> person = Copies.person(UUID.randomUUID());
        Copies.person(person);
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 30);
        Copies.classEvent("opened", cls);
        Map<String, Object> body = Api.nomination(UUID.fromString((String) person.get("personnelId")),
                UUID.fromString((String) cls.get("classId")));
        body.put("fundingSource", "STATE_BUDGET");
        body.put("fundingAmountVnd", 6_000_001L);
        Api.nominate("province-manager", body).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("validation-failed"))
                .body("errors[0].field", equalTo("fundingAmountVnd"))
                .body("errors[0].code", equalTo("funding-above-cost"))
                .body("errors[0].message", equalTo("The funded amount cannot exceed the class's cost per learner"
                        + " (6000000 VND)"));
        Api.get("province-manager", "/api/enrolments?personnelId=" + person.get("personnelId")).then()
                .body("total", equalTo(0));
        body.put("fundingAmountVnd", 6_000_000L);
        Api.nominate("province-manager", body).then().statusCode(201).body("fundingAmountVnd", equalTo(6_000_000));
    }
}

package vn.gov.training.course;

import static org.hamcrest.Matchers.equalTo;
import static vn.gov.training.course.CourseFixtures.as;
import static vn.gov.training.course.CourseFixtures.classBody;
import static vn.gov.training.course.CourseFixtures.publishedProgram;
import static vn.gov.training.course.CourseFixtures.scheduleClass;
import static vn.gov.training.course.CourseFixtures.suffix;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.time.ProvinceTime;

/**
 * Who manages which class: institution staff (token claim institution = TCT-HG) only their institution's; unit
 * officers (HG.VT) only classes their unit or a sub-unit organises; staff only read.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ClassScopeTest {

    private String programId;

    @BeforeEach
    void baseData() {
        CourseFixtures.ensureBaseData();
        programId = publishedProgram("SC-" + suffix(), "Bồi dưỡng lãnh đạo, quản lý cấp phòng");
    }

    @Test
    void institutionStaffManageOnlyTheirOwnInstitutionsClasses() {
        LocalDate start = ProvinceTime.today().plusDays(30);
        String own = scheduleClass("institution-staff", school(classBody("SO-" + suffix(), programId, start)));
        as("institution-staff").post("/api/classes/" + own + "/open").then().statusCode(200);

        Map<String, Object> elsewhere = classBody("SE-" + suffix(), programId, start);
        elsewhere.put("institutionCode", "CTU");
        as("institution-staff").body(elsewhere).post("/api/classes").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("class-out-of-scope"));
        as("admin").queryParam("code", elsewhere.get("code")).get("/api/classes").then().body("total", equalTo(0));

        String ctuClass = scheduleClass("province-manager", elsewhere);
        as("institution-staff").post("/api/classes/" + ctuClass + "/open").then().statusCode(403)
                .body("code", equalTo("class-out-of-scope"));
        Map<String, Object> moved = classBody(null, null, start);
        as("institution-staff").body(moved).put("/api/classes/" + ctuClass).then().statusCode(403);
        // nor may they move their own class to another institution
        Map<String, Object> handOver = school(classBody(null, null, start));
        handOver.put("institutionCode", "CTU");
        as("institution-staff").body(handOver).put("/api/classes/" + own).then().statusCode(403);
        as("institution-staff").get("/api/classes/" + ctuClass).then().statusCode(200)
                .body("institutionCode", equalTo("CTU"));
    }

    @Test
    void institutionStaffNameOnlyAnOrganisingUnitOfTheirOwnSubtree() {
        LocalDate start = ProvinceTime.today().plusDays(30);
        for (String unit : List.of("HG", "HG.VT", "HG.CT")) {
            Map<String, Object> body = classBody("SG-" + suffix(), programId, start);
            body.put("organisingUnitCode", unit);
            as("institution-staff").body(body).post("/api/classes").then().statusCode(403)
                    .contentType("application/problem+json").body("code", equalTo("class-out-of-scope"));
            as("admin").queryParam("code", body.get("code")).get("/api/classes").then().body("total", equalTo(0));
        }
        // a class the city organises at the school: the school manages it, keeps its unit, cannot hand it on
        String cityClass = scheduleClass("province-manager", classBody("SK-" + suffix(), programId, start));
        Map<String, Object> kept = classBody(null, null, start);
        kept.put("venue", "Hội trường B");
        as("institution-staff").body(kept).put("/api/classes/" + cityClass).then().statusCode(200)
                .body("organisingUnitCode", equalTo("HG.VT")).body("venue", equalTo("Hội trường B"));
        Map<String, Object> handedOn = classBody(null, null, start);
        handedOn.put("organisingUnitCode", "HG.CT");
        as("institution-staff").body(handedOn).put("/api/classes/" + cityClass).then().statusCode(403)
                .body("code", equalTo("class-out-of-scope"));
        as("admin").get("/api/classes/" + cityClass).then().body("organisingUnitCode", equalTo("HG.VT"));
    }

    @Test
    void unitOfficersManageClassesOrganisedWithinTheirUnit() {
        LocalDate start = ProvinceTime.today().plusDays(30);
        Map<String, Object> ward = classBody("SU-" + suffix(), programId, start);
        ward.put("organisingUnitCode", "HG.VT.P1");
        String id = scheduleClass("unit-officer", ward);
        as("unit-officer").post("/api/classes/" + id + "/open").then().statusCode(200);
        as("unit-officer-2").post("/api/classes/" + id + "/start").then().statusCode(403);

        Map<String, Object> otherUnit = classBody("SX-" + suffix(), programId, start);
        otherUnit.put("organisingUnitCode", "HG.CT");
        as("unit-officer").body(otherUnit).post("/api/classes").then().statusCode(403)
                .body("code", equalTo("class-out-of-scope"));
    }

    @Test
    void staffAndLeadersReadButDoNotSchedule() {
        Map<String, Object> body = classBody("SS-" + suffix(), programId, ProvinceTime.today().plusDays(30));
        as("staff").body(body).post("/api/classes").then().statusCode(403).body("code", equalTo("forbidden"));
        as("leader").body(body).post("/api/classes").then().statusCode(403);
        as("staff").queryParam("program", programId).get("/api/classes").then().statusCode(200)
                .body("total", equalTo(0));
        io.restassured.RestAssured.given().get("/api/classes").then().statusCode(401);
    }

    @Test
    void anOutOfScopeCallerLearnsNothingAboutTheCodesTheySend() {
        LocalDate start = ProvinceTime.today().plusDays(30);
        Map<String, Object> probe = classBody("SP-" + suffix(), java.util.UUID.randomUUID().toString(), start);
        probe.put("institutionCode", "NO-SUCH-SCHOOL");
        probe.put("organisingUnitCode", "HG.NOWHERE");
        as("institution-staff").body(probe).post("/api/classes").then().statusCode(403)
                .body("code", equalTo("class-out-of-scope"));
        as("unit-officer").body(probe).post("/api/classes").then().statusCode(403)
                .body("code", equalTo("class-out-of-scope"));

        String ctuClass = scheduleClass("province-manager", ctu(classBody("ST-" + suffix(), programId, start)));
        Map<String, Object> bad = ctu(classBody(null, null, start));
        bad.put("organisingUnitCode", "HG.NOWHERE");
        bad.put("endDate", start.minusDays(3).toString());
        as("institution-staff").body(bad).put("/api/classes/" + ctuClass).then().statusCode(403)
                .body("code", equalTo("class-out-of-scope"));
    }

    /** Organised by the school itself (the institution staff's own unit). */
    private static Map<String, Object> school(Map<String, Object> body) {
        body.put("organisingUnitCode", "HG.TCT");
        return body;
    }

    private static Map<String, Object> ctu(Map<String, Object> body) {
        body.put("institutionCode", "CTU");
        body.put("organisingUnitCode", "HG.CT");
        return body;
    }
}

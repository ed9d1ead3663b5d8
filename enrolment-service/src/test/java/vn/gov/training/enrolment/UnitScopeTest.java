package vn.gov.training.enrolment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

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

/** Every unit a request names (the nominating unit, a quota's unit) is checked like the record itself. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class UnitScopeTest {

    @BeforeEach
    void units() {
        Copies.units();
    }

    @Test
    void aUnitOfficerNominatesOnlyInTheNameOfAUnitOfTheirSubtree() {
        Map<String, Object> person = Copies.person(UUID.randomUUID());
        Copies.person(person);
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 30);
        Copies.classEvent("opened", cls);
        UUID personnelId = UUID.fromString((String) person.get("personnelId"));
        UUID classId = UUID.fromString((String) cls.get("classId"));
        for (String unit : List.of("HG", "HG.CT")) {
            Map<String, Object> body = Api.nomination(personnelId, classId);
            body.put("nominatingUnitCode", unit);
            Api.nominate("unit-officer", body).then().statusCode(403).contentType("application/problem+json")
                    .body("code", equalTo("unit-out-of-scope"));
        }
        Map<String, Object> unknown = Api.nomination(personnelId, classId);
        unknown.put("nominatingUnitCode", "HG.NOWHERE");
        Api.nominate("province-manager", unknown).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("validation-failed"))
                .body("errors[0].field", equalTo("nominatingUnitCode"))
                .body("errors[0].message", equalTo("There is no unit with code HG.NOWHERE"));
        Api.get("province-manager", "/api/enrolments?personnelId=" + personnelId).then().statusCode(200)
                .body("total", equalTo(0));

        Map<String, Object> own = Api.nomination(personnelId, classId);
        own.put("nominatingUnitCode", "HG.VT");
        Api.nominate("unit-officer", own).then().statusCode(201).body("nominatingUnitCode", equalTo("HG.VT"));
    }

    @Test
    void aQuotaIsSetOnlyForAKnownUnit() {
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 10);
        Copies.classEvent("opened", cls);
        String classId = (String) cls.get("classId");
        given().header("Authorization", Tokens.bearer("province-manager")).header("Accept-Language", "vi")
                .contentType(ContentType.JSON).body(Map.of("seats", 2))
                .put("/api/class-enrolments/" + classId + "/quotas/HG.NOWHERE").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("unitCode"))
                .body("errors[0].message", equalTo("Không có đơn vị mã HG.NOWHERE"));
        given().header("Authorization", Tokens.bearer("unit-officer")).contentType(ContentType.JSON)
                .body(Map.of("seats", 2)).put("/api/class-enrolments/" + classId + "/quotas/HG.VT").then()
                .statusCode(403);
        Api.get("province-manager", "/api/class-enrolments/" + classId + "/quotas").then().statusCode(200)
                .body("size()", equalTo(0));
        given().header("Authorization", Tokens.bearer("province-manager")).contentType(ContentType.JSON)
                .body(Map.of("seats", 2)).put("/api/class-enrolments/" + classId + "/quotas/HG.CT").then()
                .statusCode(200).body("seats", equalTo(2));
    }
}

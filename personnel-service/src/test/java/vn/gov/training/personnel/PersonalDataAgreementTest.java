package vn.gov.training.personnel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.testing.Tokens;

/**
 * Personal data for integrators: full national IDs and dates of birth only under a data-sharing agreement (role
 * {@code personal-data}, client {@code example-registry-system} of the realm), every such read audited (who, which
 * record, when) and readable by an admin.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class PersonalDataAgreementTest {

    static final String REGISTRY = "service-account-example-registry-system";

    @Test
    void onlyAClientWithAnAgreementSeesPersonalDataAndEachReadIsAudited() {
        TestData.ensureUnits();
        Map<String, Object> body = TestData.person("Đặng Thị Chia Sẻ", "FEMALE", "HG.VT");
        String id = TestData.register(body);
        String nationalId = (String) body.get("nationalId");
        String masked = nationalId.substring(0, 4) + "*****" + nationalId.substring(9);
        String department = "Bearer " + Tokens.ofClient("example-department-system", "department-dev-secret");
        String registry = "Bearer " + Tokens.ofClient("example-registry-system", "registry-dev-secret");

        // without an agreement: masked, and nothing recorded
        given().header("Authorization", department).get("/api/personnel/" + id).then().statusCode(200)
                .body("nationalId", equalTo(masked)).body("dateOfBirth", nullValue()).body("masked", equalTo(true));
        // with one: in full, in the record and in lists
        given().header("Authorization", registry).get("/api/personnel/" + id).then().statusCode(200)
                .body("nationalId", equalTo(nationalId)).body("dateOfBirth", equalTo(body.get("dateOfBirth")))
                .body("masked", equalTo(false));
        given().header("Authorization", registry).queryParam("q", "Đặng Thị Chia Sẻ").queryParam("unit", "HG.VT")
                .queryParam("includeSubunits", true).get("/api/personnel").then().statusCode(200)
                .body("items.nationalId", hasItem(nationalId));
        // the agreement gives no write
        given().header("Authorization", registry).contentType("application/json").body(Map.of("phone", "0901"))
                .patch("/api/personnel/" + id).then().statusCode(403);

        // the admin reads who saw which record when: the two reads of the registry, none of the department
        List<Map<String, Object>> reads = given().header("Authorization", Tokens.bearer("admin"))
                .queryParam("personnelId", id).get("/api/admin/personal-data-reads").then().statusCode(200)
                .extract().path("items");
        assertEquals(List.of("GET /api/personnel", "GET /api/personnel/{id}"),
                reads.stream().map(r -> (String) r.get("operation")).toList());
        assertTrue(reads.stream().allMatch(r -> REGISTRY.equals(r.get("reader")) && id.equals(r.get("personnelId"))
                && r.get("readAt") != null), reads.toString());
        given().header("Authorization", department).get("/api/admin/personal-data-reads").then().statusCode(403);
        given().header("Authorization", registry).get("/api/admin/personal-data-reads").then().statusCode(403);
    }
}

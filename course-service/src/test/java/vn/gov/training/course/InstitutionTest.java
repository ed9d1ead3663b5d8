package vn.gov.training.course;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static vn.gov.training.course.CourseFixtures.as;
import static vn.gov.training.course.CourseFixtures.suffix;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.gov.training.platform.testing.RealInfrastructure;

/** Institutions: kept by the province, read and searched (without diacritics) by everyone signed in. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class InstitutionTest {

    @Test
    void theProvinceRegistersInstitutionsAndEveryoneFindsThem() {
        String tag = suffix();
        String code = "HV-" + tag;
        as("province-manager").body(Map.of("code", code, "name", "Học viện Thử nghiệm Đông Nam Á " + tag,
                "kind", "FOREIGN", "country", "TH")).post("/api/institutions").then().statusCode(201)
                .body("country", equalTo("TH"));
        as("staff").queryParam("q", "hoc vien thu nghiem dong nam a " + tag.toLowerCase()).get("/api/institutions")
                .then().statusCode(200).body("items.code", contains(code));
        as("staff").queryParam("q", tag).queryParam("kind", "UNIVERSITY").get("/api/institutions").then()
                .body("total", equalTo(0));
        as("admin").body(Map.of("code", code, "name", "Học viện Đông Nam Á " + tag, "kind", "ACADEMY",
                "country", "TH")).put("/api/institutions/" + code).then().statusCode(200)
                .body("kind", equalTo("ACADEMY"));

        as("admin").body(Map.of("code", code, "name", "Trùng", "kind", "OTHER")).post("/api/institutions").then()
                .statusCode(409).body("code", equalTo("institution-exists"));
        as("institution-staff").body(Map.of("code", "X-" + tag, "name", "Trường", "kind", "OTHER"))
                .post("/api/institutions").then().statusCode(403);
        as("admin").header("Accept-Language", "en").body(Map.of("code", "Y-" + tag, "name", "Trường",
                "kind", "OTHER", "country", "XX")).post("/api/institutions").then().statusCode(400)
                .body("errors[0].field", equalTo("country"))
                .body("errors[0].message", equalTo("Not a country code (ISO 3166-1, two capital letters, e.g. VN)"));
        as("staff").get("/api/institutions/NOPE-" + tag).then().statusCode(404)
                .body("code", equalTo("institution-not-found"));
    }
}

package vn.gov.training.personnel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.testing.Tokens;

/**
 * A qualification's evidence file: the unit's officer attaches a PDF (told by its content), replaces it with an
 * image, and the file comes back byte for byte to whoever reads the record; an executable, an oversized file and an
 * officer of another unit are refused; each change is in the person's audit history.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class EvidenceTest {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D',
        'R'};

    @Test
    void theEvidenceOfAQualificationIsStoredCheckedAndDownloadedInScope() {
        TestData.ensureUnits();
        String person = TestData.register(TestData.person("Phan Thị Minh Chứng", "FEMALE", "HG.VT"));
        String qualification = given().header("Authorization", Tokens.bearer("unit-officer")).contentType(ContentType.JSON)
                .body(Map.of("kind", "POLITICAL_THEORY", "level", "INTERMEDIATE", "awardedOn", "2019-06-30",
                        "institution", "Trường Chính trị tỉnh Hậu Giang", "credentialNumber", "TC-2019-77"))
                .post("/api/personnel/" + person + "/qualifications").then().statusCode(201).extract().path("id");
        String path = "/api/personnel/" + person + "/qualifications/" + qualification + "/evidence";

        given().header("Authorization", Tokens.bearer("unit-officer")).get(path).then().statusCode(404)
                .body("code", equalTo("evidence-not-found"));
        put("unit-officer", path + "?fileName=bang-trung-cap.pdf", "application/pdf", PDF).then().statusCode(201)
                .body("contentType", equalTo("application/pdf")).body("fileName", equalTo("bang-trung-cap.pdf"))
                .body("sizeBytes", equalTo(PDF.length));
        // the same file again changes nothing
        put("unit-officer", path + "?fileName=bang-trung-cap.pdf", "application/pdf", PDF).then().statusCode(200);
        byte[] back = given().header("Authorization", Tokens.bearer("leader")).get(path).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertArrayEquals(PDF, back);
        given().header("Authorization", Tokens.bearer("unit-officer")).get("/api/personnel/" + person + "/qualifications")
                .then().statusCode(200).body("evidenceFileName", hasItem("bang-trung-cap.pdf"));

        // a file is what its bytes say: an executable declared as a PDF is refused; an image replaces the PDF
        put("unit-officer", path, "application/pdf", "MZ\u0090\u0000 not a pdf".getBytes(StandardCharsets.ISO_8859_1))
                .then().statusCode(415).body("code", equalTo("evidence-type"));
        put("unit-officer", path + "?fileName=C:\\scan\\anh-bang.png", "image/png", PNG).then().statusCode(201)
                .body("contentType", equalTo("image/png")).body("fileName", equalTo("anh-bang.png"));
        given().header("Authorization", Tokens.bearer("unit-officer")).get(path).then().statusCode(200)
                .contentType("image/png");
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        put("unit-officer", path, "application/pdf", big).then().statusCode(413).body("code", equalTo("evidence-too-large"));

        // outside the scope: another unit's officer does not learn the record exists; staff cannot attach
        given().header("Authorization", Tokens.bearer("unit-officer-2")).get(path).then().statusCode(404);
        put("unit-officer-2", path, "application/pdf", PDF).then().statusCode(404);
        put("staff", path, "application/pdf", PDF).then().statusCode(403);

        given().header("Authorization", Tokens.bearer("admin")).get("/api/personnel/" + person + "/history").then()
                .statusCode(200).body("action", hasItem("qualification-evidence-attached"));
    }

    private static io.restassured.response.Response put(String role, String path, String type, byte[] body) {
        return given().header("Authorization", Tokens.bearer(role)).contentType(type).body(body).put(path);
    }
}

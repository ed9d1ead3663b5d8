package vn.gov.training.personnel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.testing.Tokens;

/**
 * Careless and hostile input is a 400 (or 406) problem with a stable code, never a 5xx, and writes nothing: NUL
 * characters, duplicate keys, trailing garbage, invalid UTF-8, text longer than its column or than any field may be,
 * numbers out of range, a spreadsheet asked of a list; validation messages in Vietnamese unless English is asked for.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class CarelessInputTest {

    private static final RestAssuredConfig RAW = RestAssuredConfig.config().encoderConfig(
            EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    @BeforeEach
    void units() {
        TestData.ensureUnits();
    }

    private static RequestSpecification admin() {
        return given().config(RAW).header("Authorization", Tokens.bearer("admin")).header("Accept-Language", "en");
    }

    private static ValidatableResponse putRank(String code, byte[] body) {
        return admin().contentType("application/json").body(body).put("/api/reference/ranks/" + code).then();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void notSaved(String code) {
        admin().get("/api/reference/ranks").then().statusCode(200).body("code", not(hasItem(code)));
    }

    @Test
    void malformedJsonBodiesAreRefusedAsAWhole() {
        String code = "R" + TestData.suffix();
        for (byte[] body : new byte[][] {
                utf8("{\"name\":\"Chuyên viên\",\"name\":\"Cán sự\"}"),
                utf8("{\"name\":\"Chuyên viên\"} trailing"),
                utf8("{\"name\":\"Chuyên viên\"}{\"name\":\"x\"}"),
                {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}}) {
            putRank(code, body).statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("malformed-json"));
        }
        notSaved(code);
    }

    @Test
    void textIsCheckedForNulAndLengthBeforeTheDatabase() {
        String code = "R" + TestData.suffix();
        putRank(code, utf8("{\"name\":\"Chuyên\\u0000viên\"}")).statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("validation-failed"))
                .body("errors[0].field", equalTo("name")).body("errors[0].code", equalTo("nul-character"));
        // longer than any field may be
        putRank(code, utf8("{\"name\":\"" + "x".repeat(10_000) + "\"}")).statusCode(400)
                .body("errors[0].field", equalTo("name")).body("errors[0].code", equalTo("text-too-long"))
                .body("errors[0].message", equalTo("Too long (at most 5000 characters)"));
        // within that, but longer than the column (varchar(300)), which the request does not limit itself
        given().header("Authorization", Tokens.bearer("admin")).header("Accept-Language", "vi")
                .contentType("application/json")
                .body(utf8("{\"name\":\"" + "x".repeat(301) + "\"}")).put("/api/reference/ranks/" + code).then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("validation-failed"))
                .body("errors[0].field", equalTo("name")).body("errors[0].code", equalTo("text-too-long"))
                .body("errors[0].message", equalTo("Quá dài (tối đa 300 ký tự)"));
        notSaved(code);
        putRank(code, utf8("{\"name\":\"" + "x".repeat(300) + "\"}")).statusCode(200);
    }

    @Test
    void parametersWithNulOrOutOfRangeAreA400() {
        admin().urlEncodingEnabled(false).get("/api/personnel/%00").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("nul-character"));
        admin().urlEncodingEnabled(false).queryParam("q", "a%00b").get("/api/personnel").then().statusCode(400)
                .body("code", equalTo("nul-character"));
        for (String page : new String[] {"2147483648", "99999999", "100001", "-1", "abc"}) {
            admin().queryParam("page", page).get("/api/personnel").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        admin().queryParam("page", "2147483648").get("/api/personnel").then()
                .body("code", equalTo("invalid-parameter"));
        admin().get("/api/personnel/not-a-uuid").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("invalid-parameter"));
    }

    @Test
    void aListAskedForAsASpreadsheetOrCsvIsNotAcceptable() {
        for (String accept : new String[] {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "text/csv"}) {
            admin().header("Accept", accept).get("/api/personnel").then().statusCode(406)
                    .contentType("application/problem+json").body("code", equalTo("not-acceptable"));
        }
    }

    @Test
    void validationMessagesAreVietnameseUnlessEnglishIsAsked() {
        String path = "errors.find { it.field == 'orgUnitCode' }.message";
        String transfer = "/api/personnel/" + java.util.UUID.randomUUID() + "/transfer";
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body("{}")
                .post(transfer).then().statusCode(400).body(path, equalTo("Trường này là bắt buộc"));
        given().header("Authorization", Tokens.bearer("admin")).header("Accept-Language", "vi")
                .contentType("application/json").body("{}").post(transfer).then().statusCode(400)
                .body(path, equalTo("Trường này là bắt buộc"));
        given().header("Authorization", Tokens.bearer("admin")).header("Accept-Language", "en")
                .contentType("application/json").body("{}").post(transfer).then().statusCode(400)
                .body(path, equalTo("This field is required"));
    }
}

package vn.gov.training.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.gov.training.platform.testing.Tokens;

/**
 * The console's pages render in Vietnamese with what the services answer (here the echo stubs, so every list is
 * empty) and show a problem instead of failing when a service is down; writes need the CSRF token.
 * The real flows are covered by the browser tests in deploy.
 */
@QuarkusTest
@WithTestResource(StubServices.class)
class ConsoleTest {

    @Test
    void pagesRenderInVietnameseForTheSignedInRole() {
        String officer = Tokens.bearer("unit-officer");
        given().header("Authorization", officer).get("/console").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("Tổng quan đơn vị HG.VT"))
                .body(containsString("Cán bộ tổ chức đơn vị"))
                .body(containsString("/webjars/htmx.org/2.0.4/dist/htmx.min.js"))
                .body(not(containsString("<script>")));
        given().header("Authorization", officer).get("/console/staff?q=nguyen").then().statusCode(200)
                .body(containsString("Cán bộ, công chức, viên chức"));
        given().header("Authorization", officer).get("/console/reports/training-summary").then().statusCode(200)
                .body(containsString("Tổng hợp kết quả đào tạo, bồi dưỡng"));
    }

    @Test
    void aServiceThatIsDownShowsItsProblemOnThePage() {
        // course-service is down in this test: the catalogue says so instead of failing
        given().header("Authorization", Tokens.bearer("unit-officer")).get("/console/catalogue").then().statusCode(200)
                .body(containsString("Không kết nối được tới dịch vụ"));
    }

    @Test
    void theMenuFollowsTheRole() {
        given().header("Authorization", Tokens.bearer("institution-staff")).get("/console").then().statusCode(200)
                .body(not(containsString("href=\"/console/staff\"")))
                .body(containsString("href=\"/console/approvals\">Phê duyệt</a>"));
        given().header("Authorization", Tokens.bearer("unit-officer")).get("/console").then().statusCode(200)
                .body(containsString("href=\"/console/staff\""))
                .body(not(containsString("href=\"/console/approvals\">Phê duyệt</a>")));
    }

    @Test
    void aConsoleWriteWithoutTheCsrfTokenIsRefused() {
        given().header("Authorization", Tokens.bearer("province-manager")).post("/console/enrolments/42/approve")
                .then().statusCode(403).body("code", equalTo("csrf-token-invalid"));
        given().header("Authorization", Tokens.bearer("province-manager")).cookie("csrf-token", "t".repeat(43))
                .header("X-CSRF-Token", "t".repeat(43)).post("/console/enrolments/42/approve")
                .then().statusCode(200).body(containsString("Đã phê duyệt"));
    }

    @Test
    void staticFilesAndTheOpenApiViewNeedNoLogin() {
        given().get("/webjars/htmx.org/2.0.4/dist/htmx.min.js").then().statusCode(200);
        given().get("/static/console.css").then().statusCode(200);
        given().get("/openapi").then().statusCode(200).body(containsString("API (OpenAPI) của các dịch vụ"));
    }
}

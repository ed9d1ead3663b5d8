package vn.gov.training.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.gov.training.platform.testing.Tokens;

@QuarkusTest
@WithTestResource(StubServices.class)
class ApiProxyTest {

    @Test
    void healthAnswersWithoutLogin() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void anApiCallWithoutTokenIs401ProblemNotALoginRedirect() {
        given().redirects().follow(false).get("/api/org-units/tree").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("unauthenticated"));
    }

    @Test
    void anInvalidTokenIs401() {
        given().redirects().follow(false).header("Authorization", "Bearer not-a-token").get("/api/org-units/tree")
                .then().statusCode(401);
    }

    @Test
    void theCallersTokenPathAndQueryReachTheService() {
        String bearer = Tokens.bearer("unit-officer");
        given().header("Authorization", bearer).cookie("unrelated", "x").get("/api/personnel?q=nguyen&page=0")
                .then().statusCode(200)
                .body("service", equalTo("personnel"))
                .body("uri", equalTo("/api/personnel?q=nguyen&page=0"))
                .body("authorization", equalTo(bearer))
                .body("cookie", nullValue());
    }

    @Test
    void aBodyIsRelayedWithoutCsrfTokenForBearerCalls() {
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body("{\"fullName\":\"Nguyễn Thị Hồng Khang\"}").post("/api/personnel")
                .then().statusCode(200).body("method", equalTo("POST"))
                .body("body", equalTo("{\"fullName\":\"Nguyễn Thị Hồng Khang\"}"));
    }

    @Test
    void longestPrefixSendsTrainingHistoryToEnrolment() {
        String bearer = Tokens.bearer("admin");
        given().header("Authorization", bearer).get("/api/personnel/42/training-history")
                .then().statusCode(200).body("service", equalTo("enrolment"));
        given().header("Authorization", bearer).get("/api/personnel/42/levels")
                .then().statusCode(200).body("service", equalTo("personnel"));
        given().header("Authorization", bearer).get("/api/reports/training-summary?unit=HG")
                .then().statusCode(200).body("service", equalTo("reporting"));
        given().header("Authorization", bearer).get("/api/repayment-cases")
                .then().statusCode(200).body("service", equalTo("enrolment"));
    }

    @Test
    void theServicesGetTheClientsAddressAndNeverAForwardedHeaderTheClientMadeUp() {
        given().header("Authorization", Tokens.bearer("unit-officer")).get("/api/personnel")
                .then().statusCode(200)
                .body("forwardedFor", equalTo("127.0.0.1"))
                .body("forwardedProto", equalTo("http"))
                .body("forwardedHost", startsWith("127.0.0.1:"));
        // no trusted proxy is configured: the client's own forwarding headers are not believed
        given().header("Authorization", Tokens.bearer("unit-officer")).header("X-Forwarded-For", "203.0.113.7")
                .header("Forwarded", "for=198.51.100.9;proto=https").header("X-Forwarded-Proto", "https")
                .get("/api/enrolments").then().statusCode(200)
                .body("forwardedFor", equalTo("127.0.0.1"))
                .body("forwardedProto", equalTo("http"));
        given().header("X-Forwarded-For", "203.0.113.8").get("/api/credentials/CN-1/verify").then().statusCode(200)
                .body("forwardedFor", equalTo("127.0.0.1"));
    }

    @Test
    void everyPathTheServicesServeIsRouted() {
        String bearer = Tokens.bearer("admin");
        String[][] routes = {{"/api/reference/titles", "personnel"}, {"/api/personnel/imports/template", "personnel"},
            {"/api/reference/job-positions/CV/standards", "personnel"}, {"/api/succession-plans", "personnel"},
            {"/api/class-enrolments/42/attendance", "enrolment"}, {"/api/rule-sets/1", "enrolment"},
            {"/api/commitments", "enrolment"}, {"/api/person-copy/42", "enrolment"},
            {"/api/class-copy/42", "enrolment"}, {"/api/enrolments/overdue-return-reports", "enrolment"},
            {"/api/reports/fit/details", "reporting"}, {"/api/yearly-minimum-rules", "reporting"},
            {"/api/admin/rebuild/1", "reporting"}};
        for (String[] route : routes) {
            given().header("Authorization", bearer).get(route[0]).then().statusCode(200)
                    .body("service", equalTo(route[1]));
        }
    }

    @Test
    void aServicesLocationIsRewrittenToTheGatewaysAddressAndAnswersAreNotCached() {
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON).body("{}")
                .post("/api/personnel/created").then().statusCode(201)
                .header("Location", equalTo(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port
                        + "/api/personnel/42?view=full"))
                .header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void consolePagesAreNeverStored() {
        given().header("Authorization", Tokens.bearer("unit-officer")).get("/console/staff").then()
                .header("Cache-Control", equalTo("no-store"));
        given().get("/webjars/htmx.org/2.0.4/dist/htmx.min.js").then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.not(equalTo("no-store")));
    }

    @Test
    void anUnknownApiPathIs404Problem() {
        given().header("Authorization", Tokens.bearer("admin")).get("/api/nothing-here")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void calendarFeedsArePublicAndAPersonsSubscriptionsGoToEnrolment() {
        // course-service is "down" in this test (StubServices): 503 shows the call passed the door to course-service
        given().get("/api/calendar-feeds/s3cr3t.ics").then().statusCode(503);
        given().get("/api/calendar-feeds/s3cr3t").then().statusCode(401);
        given().get("/api/person-calendar-feeds/s3cr3t.ics").then().statusCode(200)
                .body("service", equalTo("enrolment")).body("authorization", nullValue());
        given().get("/api/person-calendar-feeds/s3cr3t").then().statusCode(401);
        String bearer = Tokens.bearer("admin");
        given().header("Authorization", bearer).get("/api/personnel/42/calendar-subscriptions").then()
                .statusCode(200).body("service", equalTo("enrolment"));
        given().get("/api/classes/42/calendar-subscriptions").then().statusCode(401);
    }

    @Test
    void credentialVerificationIsPublic() {
        given().get("/api/credentials/CN-2025-001/verify").then().statusCode(200)
                .body("service", equalTo("enrolment")).body("authorization", nullValue());
    }

    @Test
    void aServiceThatIsDownIs503Problem() {
        given().header("Authorization", Tokens.bearer("admin")).get("/api/programs")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("code", equalTo("upstream-unavailable")).body("detail", containsString("course"));
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIs504Problem() {
        given().header("Authorization", Tokens.bearer("admin")).get("/api/enrolments/slow")
                .then().statusCode(504).contentType("application/problem+json")
                .body("code", equalTo("upstream-timeout"));
    }

    @Test
    void securityHeadersOnPagesAndApi() {
        for (var response : new io.restassured.response.Response[] {given().get("/q/health/ready"),
                given().get("/api/org-units/tree")}) {
            response.then()
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Frame-Options", equalTo("DENY"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", notNullValue())
                    .header("Strict-Transport-Security", nullValue()); // plain HTTP here
        }
    }

    @Test
    void theConsoleSendsBrowsersToKeycloakWithPkce() {
        given().redirects().follow(false).get("/console").then().statusCode(302)
                .header("Location", startsWith(System.getProperty("unused", "http")))
                .header("Location", containsString("/realms/training/protocol/openid-connect/auth"))
                .header("Location", containsString("code_challenge_method=S256"))
                .header("Location", containsString("client_id=training-gateway"));
    }
}

package vn.gov.training.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import vn.gov.training.platform.testing.Tokens;

@QuarkusTest
@WithTestResource(StubServices.class)
@TestProfile(RateLimitTest.ThreePerMinute.class)
class RateLimitTest {

    public static class ThreePerMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("training.gateway.rate-limit.requests-per-minute", "3");
        }
    }

    @Test
    void theFourthCallInAMinuteIs429WithRetryAfterAndOtherClientsAreNotAffected() {
        String officer = Tokens.bearer("unit-officer");
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", officer).get("/api/personnel").then().statusCode(200);
        }
        Response refused = given().header("Authorization", officer).get("/api/personnel");
        refused.then().statusCode(429).contentType("application/problem+json").body("code", equalTo("rate-limited"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        org.junit.jupiter.api.Assertions.assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        given().header("Authorization", Tokens.bearer("unit-officer-2")).get("/api/personnel").then().statusCode(200);
    }

    @Test
    void callsWithoutValidCredentialsAreLimitedByAddressWhateverForwardedHeaderTheySend() {
        // three calls from this address without a usable token: the public check, no token, an unsigned token
        given().header("X-Forwarded-For", "198.51.100.1").get("/api/credentials/CN-1/verify").then().statusCode(200);
        given().header("X-Forwarded-For", "198.51.100.2").get("/api/personnel").then().statusCode(401);
        given().header("Authorization", "Bearer " + GatewayErrorsTest.UNSIGNED).get("/api/personnel").then()
                .statusCode(401).body("code", equalTo("token-invalid"));
        // a fourth, claiming to be yet another client, is refused: the header is not believed
        given().header("X-Forwarded-For", "198.51.100.3").header("Forwarded", "for=198.51.100.4")
                .get("/api/credentials/CN-1/verify").then().statusCode(429)
                .contentType("application/problem+json").body("code", equalTo("rate-limited"));
        given().get("/console").then().statusCode(429);
    }
}

package vn.gov.training.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.gov.training.platform.testing.Poll;

/**
 * Logging out ends the session at the gateway for good, with the real Keycloak: after {@code /logout}, or after an
 * admin ends the user's sessions in Keycloak (a back-channel logout to the gateway), a saved copy of the old session
 * cookies gets the login page on the console and a 401 problem on the API, although the access token inside would
 * still be valid for minutes.
 */
@QuarkusTest
@WithTestResource(StubServices.class)
class SessionLogoutTest {

    @BeforeEach
    void letKeycloakReachThisGateway() {
        BrowserLogin.allowThisGateway();
    }

    @Test
    void afterLogoutASavedCopyOfTheSessionCookieGetsTheLoginPageAnd401() {
        Map<String, String> saved = BrowserLogin.login("leader");
        given().cookies(saved).redirects().follow(false).get("/console").then().statusCode(200);
        given().cookies(saved).get("/api/personnel").then().statusCode(200).body("service", equalTo("personnel"));

        String logout = given().cookies(saved).redirects().follow(false).get("/logout").then().statusCode(302)
                .extract().header("Location");
        org.junit.jupiter.api.Assertions.assertTrue(logout.contains("/protocol/openid-connect/logout"), logout);
        // the browser follows to Keycloak, which ends its session and sends it back to the gateway's root
        given().urlEncodingEnabled(false).redirects().follow(false).get(logout).then().statusCode(302);

        given().cookies(saved).redirects().follow(false).get("/console").then().statusCode(302)
                .header("Location", containsString("/protocol/openid-connect/auth"));
        given().cookies(saved).get("/api/personnel").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("session-ended"));
    }

    @Test
    void anAdminEndingTheUsersSessionsInKeycloakEndsTheGatewaySessionToo() {
        Map<String, String> saved = BrowserLogin.login("staff");
        // staff work on their own record ("/console" sends them there)
        given().cookies(saved).redirects().follow(false).get("/console/me").then().statusCode(200);

        BrowserLogin.endSessionsOf("staff"); // Keycloak calls the gateway's back-channel logout endpoint

        int status = Poll.until(Duration.ofSeconds(15),
                () -> given().cookies(saved).redirects().follow(false).get("/console/me").statusCode(), s -> s == 302);
        assertEquals(302, status);
        // and it stays ended: not only the first request after the logout token is refused
        for (int i = 0; i < 3; i++) {
            given().cookies(saved).redirects().follow(false).get("/console/me").then().statusCode(302)
                    .header("Location", containsString("/protocol/openid-connect/auth"));
            given().cookies(saved).get("/api/personnel").then().statusCode(401)
                    .contentType("application/problem+json").body("code", equalTo("session-ended"));
        }
    }
}

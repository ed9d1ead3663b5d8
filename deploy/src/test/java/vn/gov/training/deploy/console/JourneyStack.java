package vn.gov.training.deploy.console;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import vn.gov.training.deploy.SystemStack;

/**
 * The system under test, started by {@link SystemStack} ({@code deploy/stack up}, test profile): if any component
 * does not come up healthy the journey fails right there, with the stack's own report. Tokens for the API set-up
 * come from the same Keycloak.
 */
final class JourneyStack {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private JourneyStack() {
    }

    static Map<String, String> env() {
        return SystemStack.env();
    }

    static String url(String name) {
        String value = env().get(name);
        if (value == null) {
            throw new IllegalStateException("deploy/stack env did not print " + name);
        }
        return value;
    }

    static String token(String username) {
        return TOKENS.computeIfAbsent(username, user -> given()
                .formParams(Map.of("grant_type", "password", "client_id", "training-cli", "username", user,
                        "password", url("DEMO_PASSWORD")))
                .post(url("KEYCLOAK_URL") + "/realms/" + url("REALM") + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token"));
    }
}

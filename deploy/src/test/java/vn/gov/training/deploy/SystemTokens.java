package vn.gov.training.deploy;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real tokens from the system's Keycloak: demo users (dev-only training-cli client) and service accounts. */
public final class SystemTokens {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private SystemTokens() {
    }

    public static String user(String username) {
        return CACHE.computeIfAbsent("user:" + username, key -> request(Map.of("grant_type", "password",
                "client_id", "training-cli", "username", username, "password", SystemStack.url("DEMO_PASSWORD"))));
    }

    public static String client(String clientId, String secret) {
        return CACHE.computeIfAbsent("client:" + clientId, key -> request(Map.of(
                "grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)));
    }

    private static String request(Map<String, String> form) {
        return given().formParams(form)
                .post(SystemStack.url("KEYCLOAK_URL") + "/realms/" + SystemStack.url("REALM")
                        + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }
}

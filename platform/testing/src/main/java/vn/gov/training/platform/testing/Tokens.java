package vn.gov.training.platform.testing;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real access tokens from the real Keycloak: the realm's demo users (password grant on the dev-only
 * {@code training-cli} client) and client-credentials clients.
 */
public final class Tokens {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** An access token of a demo user: admin, province-manager, unit-officer, unit-officer-2, staff, ... */
    public static String of(String username) {
        return CACHE.computeIfAbsent("user:" + username, key -> request(Map.of(
                "grant_type", "password", "client_id", "training-cli",
                "username", username, "password", Infrastructure.get().demoPassword())));
    }

    /** An access token of a client-credentials client, e.g. example-department-system. */
    public static String ofClient(String clientId, String secret) {
        return CACHE.computeIfAbsent("client:" + clientId, key -> request(Map.of(
                "grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)));
    }

    public static String bearer(String username) {
        return "Bearer " + of(username);
    }

    private static String request(Map<String, String> form) {
        Infrastructure infra = Infrastructure.get();
        return given().formParams(form)
                .post(infra.keycloakUrl() + "/realms/" + infra.realm() + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }
}

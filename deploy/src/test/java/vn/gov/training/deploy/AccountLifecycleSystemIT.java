package vn.gov.training.deploy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import vn.gov.training.platform.testing.Poll;

/**
 * A staff member's Keycloak account follows their record, through the gateway with real tokens: an admin asks for
 * the account, personnel-service creates the user with {@code org_unit}, {@code personnel_id} and role
 * {@code staff}; a transfer changes {@code org_unit}; leaving disables the user. What Keycloak holds is read with
 * its admin API (as the provisioning service account may) and, once a password is set, from the person's own token.
 */
class AccountLifecycleSystemIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String PASSWORD = "Sys-Test@2026";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String keycloak() {
        return SystemStack.url("KEYCLOAK_URL");
    }

    private static String realm() {
        return SystemStack.url("REALM");
    }

    /** The provisioning service account's token (dev secret of the realm): it may view and manage users. */
    private static String provisioning() {
        return SystemTokens.client("personnel-provisioning", "provisioning-dev-secret");
    }

    /** The Keycloak user of that name, or null. */
    private static JsonNode keycloakUser(String username) {
        String body = given().header("Authorization", "Bearer " + provisioning())
                .queryParam("username", username).queryParam("exact", true)
                .get(keycloak() + "/admin/realms/" + realm() + "/users").then().statusCode(200).extract().asString();
        try {
            JsonNode users = JSON.readTree(body);
            return users.isEmpty() ? null : users.get(0);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String attribute(JsonNode user, String name) {
        JsonNode values = user.path("attributes").path(name);
        return values.isArray() && !values.isEmpty() ? values.get(0).asText() : null;
    }

    private static Response login(String username) {
        return given().formParams(Map.of("grant_type", "password", "client_id", "training-cli", "username", username,
                        "password", PASSWORD))
                .post(keycloak() + "/realms/" + realm() + "/protocol/openid-connect/token");
    }

    private static JsonNode claims(String accessToken) {
        try {
            String payload = accessToken.split("\\.")[1];
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theAccountIsCreatedFollowsATransferAndIsDisabledWhenThePersonLeaves() {
        String first = SystemData.newUnit("Phòng kiểm thử tài khoản");
        String second = SystemData.newUnit("Phòng nhận điều động");
        String personId = SystemData.newPerson(first, "Trần Thị Ngọc Hân").path("id");

        // the admin asks for the account: accepted, provisioned in the background
        String username = SystemData.as("admin").body(Map.of())
                .post(SystemData.gateway() + "/api/personnel/" + personId + "/account")
                .then().statusCode(202).body("username", notNullValue()).extract().path("username");
        Poll.until(DEADLINE, () -> SystemData.as("admin").get(SystemData.gateway() + "/api/personnel/" + personId
                + "/account").then().statusCode(200).extract().<String>path("state"), "SYNCED"::equals);

        JsonNode user = Poll.until(DEADLINE, () -> keycloakUser(username), u -> u != null);
        assertEquals(first, attribute(user, "org_unit"));
        assertEquals(personId, attribute(user, "personnel_id"));
        assertTrue(user.path("enabled").asBoolean(), "a new account is enabled");
        String userId = user.path("id").asText();
        List<String> roles = given().header("Authorization", "Bearer " + provisioning())
                .get(keycloak() + "/admin/realms/" + realm() + "/users/" + userId + "/role-mappings/realm")
                .then().statusCode(200).extract().jsonPath().getList("name");
        assertTrue(roles.contains("staff"), "realm roles " + roles);
        assertFalse(roles.contains("admin"), "realm roles " + roles);

        // with a password (set as the helpdesk would), the person signs in and the token carries the unit
        given().header("Authorization", "Bearer " + provisioning()).contentType(ContentType.JSON)
                .body(Map.of("type", "password", "value", PASSWORD, "temporary", false))
                .put(keycloak() + "/admin/realms/" + realm() + "/users/" + userId + "/reset-password")
                .then().statusCode(204);
        JsonNode token = claims(login(username).then().statusCode(200).extract().path("access_token"));
        assertEquals(first, token.path("org_unit").asText());
        assertEquals(personId, token.path("personnel_id").asText());
        // and sees their own record through the gateway, with their own national ID
        String own = login(username).then().extract().path("access_token");
        given().header("Authorization", "Bearer " + own).get(SystemData.gateway() + "/api/personnel/" + personId)
                .then().statusCode(200).body("id", equalTo(personId)).body("masked", equalTo(false));

        // a transfer moves the account's unit
        SystemData.as("admin").body(Map.of("orgUnitCode", second))
                .post(SystemData.gateway() + "/api/personnel/" + personId + "/transfer")
                .then().statusCode(200).body("orgUnitCode", equalTo(second));
        Poll.until(DEADLINE, () -> attribute(keycloakUser(username), "org_unit"), second::equals);
        String afterTransfer = login(username).then().statusCode(200).extract().path("access_token");
        assertEquals(second, claims(afterTransfer).path("org_unit").asText());

        // leaving disables it: the user is kept (history) but can no longer sign in
        SystemData.as("admin").body(Map.of("reason", "RESIGNED"))
                .post(SystemData.gateway() + "/api/personnel/" + personId + "/leave")
                .then().statusCode(200).body("status", equalTo("LEFT"));
        Poll.until(DEADLINE, () -> keycloakUser(username).path("enabled").asBoolean(), enabled -> !enabled);
        login(username).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }
}

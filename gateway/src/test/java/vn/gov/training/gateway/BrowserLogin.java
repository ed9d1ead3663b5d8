package vn.gov.training.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import vn.gov.training.platform.testing.Infrastructure;
import vn.gov.training.platform.testing.Poll;

/**
 * A browser's login through the gateway against the real Keycloak, as plain HTTP: the console redirects to Keycloak,
 * the login form is posted, Keycloak redirects back with the code, the gateway sets its session cookies. Also the
 * Keycloak admin calls the tests need (the master realm's bootstrap admin): the gateway of a test listens on a random
 * port, so the {@code training-gateway} client gets that port's redirect, post-logout and back-channel URLs.
 */
final class BrowserLogin {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern ANY_FORM_ACTION = Pattern.compile("action=\"([^\"]+login-actions/authenticate[^\"]*)\"");

    private BrowserLogin() {
    }

    /** Logs in as a demo user; returns the gateway's cookies of the new session. */
    static Map<String, String> login(String username) {
        Infrastructure infra = Infrastructure.get();
        Response toKeycloak = given().redirects().follow(false).get("/console");
        assertEquals(302, toKeycloak.statusCode(), "the console redirects to Keycloak");
        Map<String, String> gatewayCookies = new HashMap<>(toKeycloak.getCookies());
        Response form = given().urlEncodingEnabled(false).redirects().follow(false).get(toKeycloak.header("Location"));
        assertEquals(200, form.statusCode(), "Keycloak shows its login form");
        Matcher action = FORM_ACTION.matcher(form.asString());
        if (!action.find()) {
            action = ANY_FORM_ACTION.matcher(form.asString());
            assertTrue(action.find(), "login form action");
        }
        Response back = given().urlEncodingEnabled(false).redirects().follow(false).cookies(form.getCookies())
                .formParam("username", username).formParam("password", infra.demoPassword())
                .formParam("credentialId", "")
                .post(action.group(1).replace("&amp;", "&"));
        assertEquals(302, back.statusCode(), "Keycloak accepts the password and redirects back: " + back.asString());
        String callback = back.header("Location");
        assertTrue(callback.startsWith("http://127.0.0.1:" + RestAssured.port + "/"), callback);
        Response session = given().urlEncodingEnabled(false).redirects().follow(false).cookies(gatewayCookies)
                .get(callback);
        assertTrue(session.statusCode() == 302 || session.statusCode() == 200,
                "the gateway completes the login: " + session.statusCode());
        Map<String, String> cookies = new HashMap<>(gatewayCookies);
        cookies.putAll(session.getCookies());
        cookies.entrySet().removeIf(e -> e.getValue() == null || e.getValue().isEmpty());
        assertTrue(cookies.keySet().stream().anyMatch(name -> name.startsWith("q_session")), "session cookie: " + cookies);
        return cookies;
    }

    static String adminToken() {
        Infrastructure infra = Infrastructure.get();
        String password = System.getenv().getOrDefault("KEYCLOAK_ADMIN_PASSWORD", infra.demoPassword());
        return given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", password)
                .post(infra.keycloakUrl() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    static String admin(String path) {
        Infrastructure infra = Infrastructure.get();
        return infra.keycloakUrl() + "/admin/realms/" + infra.realm() + path;
    }

    /** Lets the {@code training-gateway} client redirect to, and send back-channel logouts to, this test's gateway. */
    @SuppressWarnings("unchecked")
    static void allowThisGateway() {
        String token = adminToken();
        List<Map<String, Object>> found = given().auth().oauth2(token).queryParam("clientId", "training-gateway")
                .get(admin("/clients")).then().statusCode(200).extract().as(List.class);
        Map<String, Object> client = found.get(0);
        String base = "http://127.0.0.1:" + RestAssured.port;
        List<String> redirects = new java.util.ArrayList<>((List<String>) client.get("redirectUris"));
        if (!redirects.contains(base + "/*")) {
            redirects.add(base + "/*");
        }
        client.put("redirectUris", redirects);
        Map<String, Object> attributes = new HashMap<>((Map<String, Object>) client.get("attributes"));
        String postLogout = String.valueOf(attributes.getOrDefault("post.logout.redirect.uris", ""));
        if (!postLogout.contains(base + "/*")) {
            attributes.put("post.logout.redirect.uris", postLogout.isEmpty() ? base + "/*" : postLogout + "##" + base + "/*");
        }
        attributes.put("backchannel.logout.url", base + "/back-channel-logout");
        attributes.put("backchannel.logout.session.required", "true");
        client.put("attributes", attributes);
        client.put("frontchannelLogout", false);
        given().auth().oauth2(token).contentType("application/json").body(client)
                .put(admin("/clients/" + client.get("id"))).then().statusCode(204);
        Infrastructure infra = Infrastructure.get();
        Poll.until(Duration.ofSeconds(20), () -> given().redirects().follow(false)
                .queryParam("response_type", "code").queryParam("client_id", "training-gateway")
                .queryParam("scope", "openid").queryParam("redirect_uri", base + "/console")
                .queryParam("code_challenge", "x".repeat(43)).queryParam("code_challenge_method", "S256")
                .get(infra.keycloakUrl() + "/realms/" + infra.realm() + "/protocol/openid-connect/auth").statusCode(),
                status -> status == 200);
    }

    /** Ends every Keycloak session of a user, as an admin does in the admin console ("Sign out"). */
    @SuppressWarnings("unchecked")
    static void endSessionsOf(String username) {
        String token = adminToken();
        List<Map<String, Object>> users = given().auth().oauth2(token).queryParam("username", username)
                .queryParam("exact", true).get(admin("/users")).then().statusCode(200).extract().as(List.class);
        given().auth().oauth2(token).post(admin("/users/" + users.get(0).get("id") + "/logout"))
                .then().statusCode(204);
    }
}

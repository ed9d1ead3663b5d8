package vn.gov.training.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import vn.gov.training.platform.testing.Tokens;

/**
 * Behind a trusted TLS-terminating proxy (here: the test client on 127.0.0.1 plays it): its forwarding headers are
 * believed, the client is the right-most address that is not a trusted proxy, and the request counts as HTTPS.
 */
@QuarkusTest
@WithTestResource(StubServices.class)
@TestProfile(TrustedProxyTest.BehindAProxy.class)
class TrustedProxyTest {

    public static class BehindAProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("training.gateway.trusted-proxies", "127.0.0.1/32,10.0.0.0/8");
        }
    }

    @Test
    void theClientIsTheRightMostAddressThatIsNoTrustedProxy() {
        String bearer = Tokens.bearer("unit-officer");
        given().header("Authorization", bearer).header("X-Forwarded-For", "203.0.113.7").get("/api/personnel")
                .then().statusCode(200).body("forwardedFor", equalTo("203.0.113.7"))
                .body("forwardedProto", equalTo("http"));
        given().header("Authorization", bearer).header("X-Forwarded-For", "203.0.113.7, 10.1.2.3").get("/api/personnel")
                .then().statusCode(200).body("forwardedFor", equalTo("203.0.113.7"));
        // what the client wrote itself stays on the left, where nobody reads it
        given().header("Authorization", bearer).header("X-Forwarded-For", "198.51.100.1, 203.0.113.7")
                .get("/api/personnel").then().statusCode(200).body("forwardedFor", equalTo("203.0.113.7"));
        given().header("Authorization", bearer).header("Forwarded", "for=\"[2001:db8::1]:4711\";proto=https")
                .get("/api/personnel").then().statusCode(200).body("forwardedFor", equalTo("2001:db8::1"))
                .body("forwardedProto", equalTo("https"));
    }

    @Test
    void httpsAtTheProxyMakesTheRequestSecure() {
        given().header("Authorization", Tokens.bearer("unit-officer")).header("X-Forwarded-Proto", "https")
                .get("/api/personnel").then().statusCode(200).body("forwardedProto", equalTo("https"))
                .header("Strict-Transport-Security", notNullValue());
        given().get("/q/health/ready").then().header("Strict-Transport-Security", nullValue());
    }

    @Test
    void cookiesAreSecureAndLocationsHttpsWhenTheProxySaysHttps() {
        // quarkus-oidc's state cookie on the way to the login page
        var toLogin = given().redirects().follow(false).header("X-Forwarded-Proto", "https").get("/console");
        toLogin.then().statusCode(302);
        org.junit.jupiter.api.Assertions.assertFalse(toLogin.headers().getValues("Set-Cookie").isEmpty());
        toLogin.headers().getValues("Set-Cookie").forEach(cookie -> org.junit.jupiter.api.Assertions.assertTrue(
                cookie.toLowerCase().contains("; secure"), cookie));
        // the console's CSRF cookie
        var page = given().header("Authorization", Tokens.bearer("unit-officer")).header("X-Forwarded-Proto", "https")
                .get("/console/staff");
        page.then().statusCode(200).header("Cache-Control", equalTo("no-store"));
        org.junit.jupiter.api.Assertions.assertTrue(page.headers().getValues("Set-Cookie").stream()
                .anyMatch(cookie -> cookie.startsWith("csrf-token=") && cookie.toLowerCase().contains("secure")),
                page.headers().getValues("Set-Cookie").toString());
        given().header("Authorization", Tokens.bearer("admin")).header("X-Forwarded-Proto", "https")
                .header("Host", "daotao.example.gov.vn").contentType("application/json").body("{}")
                .post("/api/personnel/created").then().statusCode(201)
                .header("Location", equalTo("https://daotao.example.gov.vn/api/personnel/42?view=full"));
    }

    @Test
    void withoutHttpsCookiesAreNotMarkedSecure() {
        var toLogin = given().redirects().follow(false).get("/console");
        toLogin.headers().getValues("Set-Cookie").forEach(cookie -> org.junit.jupiter.api.Assertions.assertFalse(
                cookie.toLowerCase().contains("; secure"), cookie));
    }
}

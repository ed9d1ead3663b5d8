package vn.gov.training.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import vn.gov.training.platform.testing.Tokens;

/**
 * Every error the gateway answers on its own is a problem document with a stable code and a Vietnamese title:
 * what a client that reads {@code code} and shows {@code title} gets, never an empty body or a server's HTML page.
 */
@QuarkusTest
@WithTestResource(StubServices.class)
class GatewayErrorsTest {

    private static ValidatableResponse problem(ValidatableResponse response, int status, String code) {
        return response.statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("code", equalTo(code))
                .body("title", not(equalTo(""))).body("detail", not(equalTo("")));
    }

    @Test
    void anUnknownPathOutsideTheApiIs404Problem() {
        problem(given().redirects().follow(false).get("/no-such-page").then(), 404, "not-found")
                .body("title", equalTo("Không tìm thấy"));
    }

    @Test
    void aMethodTheConsoleDoesNotTakeIs405Problem() {
        problem(given().header("Authorization", Tokens.bearer("unit-officer")).delete("/console").then(), 405,
                "method-not-allowed");
    }

    @Test
    void aTooLongUriIs414Problem() {
        problem(given().header("Authorization", Tokens.bearer("admin"))
                .get("/api/personnel?q=" + "a".repeat(10_000)).then(), 414, "uri-too-long")
                .body("title", equalTo("Đường dẫn quá dài"));
        problem(given().get("/api/personnel/" + "x".repeat(20_000)).then(), 414, "uri-too-long");
    }

    @Test
    void tooLargeHeadersAre431Problem() {
        problem(given().cookie("junk", "c".repeat(40_000)).get("/api/credentials/A/verify").then(), 431,
                "headers-too-large");
    }

    @Test
    void aDeclaredBodyOverTheLimitIs413ProblemBeforeAnyOfItIsRead() throws Exception {
        String response = raw("POST /api/personnel HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer x.y.z\r\nContent-Length: " + (25L * 1024 * 1024) + "\r\n\r\n{\"a\":");
        assertTrue(response.startsWith("HTTP/1.1 413"), response);
        assertTrue(response.contains("application/problem+json"), response);
        assertTrue(response.contains("\"code\":\"body-too-large\""), response);
        assertTrue(response.contains("20 MB"), response);
    }

    @Test
    void anInvalidBearerTokenIs401Problem() {
        problem(given().header("Authorization", "Bearer not-a-token").get("/api/org-units/tree").then(), 401,
                "token-invalid");
        problem(given().get("/api/org-units/tree").then(), 401, "unauthenticated")
                .body("title", equalTo("Chưa đăng nhập"));
    }

    /** An unsigned token ({@code alg: none}) that claims to be an admin of the realm. */
    static final String UNSIGNED = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
            + b64("{\"sub\":\"x\",\"iss\":\"http://127.0.0.1/realms/training\",\"exp\":4102444800,"
                    + "\"realm_access\":{\"roles\":[\"admin\"]}}") + ".";

    private static String b64(String json) {
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void unsignedAndMalformedTokensAre401WithoutAnErrorLogLine() {
        java.util.List<java.util.logging.LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        try {
            String signedWithNothing = UNSIGNED + "c2ln"; // a "signature" on an alg:none header
            String hs256 = b64("{\"alg\":\"HS256\"}") + "." + b64("{\"sub\":\"x\"}") + ".c2ln";
            for (String token : new String[] {UNSIGNED, signedWithNothing, hs256, "a.b.c", "....", "x".repeat(20_000)}) {
                problem(given().header("Authorization", "Bearer " + token).get("/api/personnel").then(), 401,
                        "token-invalid");
            }
            problem(given().header("Authorization", "Basic YWRtaW46YWRtaW4=").get("/api/personnel").then(), 401,
                    "token-invalid");
            problem(given().header("Authorization", "Bearer " + UNSIGNED).get("/console").then(), 401,
                    "token-invalid");
        } finally {
            root.removeHandler(capture);
        }
        assertTrue(records.stream().noneMatch(r -> r.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()),
                "no ERROR line: " + records.stream().map(r -> r.getLevel() + " " + r.getMessage()).toList());
    }

    @Test
    void aServiceErrorPageBecomesA502ProblemWithoutTheServicesText() {
        problem(given().header("Authorization", Tokens.bearer("admin")).get("/api/personnel/broken").then(), 502,
                "upstream-error")
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("127.0.0.1")));
    }

    @Test
    void unavailableAndSlowServicesAreProblems() {
        problem(given().header("Authorization", Tokens.bearer("admin")).contentType("application/json")
                .body("{\"name\":\"x\"}").post("/api/programs").then(), 503, "upstream-unavailable");
        problem(given().header("Authorization", Tokens.bearer("admin")).get("/api/enrolments/slow").then(), 504,
                "upstream-timeout");
    }

    /** One HTTP/1.1 exchange on a plain socket: the request as written, the response as read until it closes. */
    static String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0;) {
                    read.write(buffer, 0, n);
                }
            } catch (java.net.SocketException | java.net.SocketTimeoutException closed) {
                // the gateway closes the connection after answering; what was read is the answer
            }
            String response = read.toString(StandardCharsets.UTF_8);
            assertEquals(false, response.isEmpty(), "no answer");
            return response;
        }
    }
}

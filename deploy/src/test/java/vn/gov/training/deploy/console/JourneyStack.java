package vn.gov.training.deploy.console;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import vn.gov.training.deploy.SystemStack;

/**
 * The system under test: {@link SystemStack} starts it; when {@code deploy/stack up} reports a component unhealthy
 * (services still being written), the journey still runs against what is up — the URLs then come from
 * {@code deploy/stack env} — so that every step the running services allow is exercised, and the rest fail with
 * the service's own answer. Tokens for the API set-up come from the same Keycloak.
 */
final class JourneyStack {

    private static Map<String, String> env;
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    static String startProblem;

    private JourneyStack() {
    }

    static synchronized Map<String, String> env() {
        if (env == null) {
            try {
                env = SystemStack.env();
            } catch (IllegalStateException e) {
                startProblem = e.getMessage();
                System.err.println("ConsoleJourneyIT: deploy/stack up did not finish cleanly; running against what is up.\n"
                        + e.getMessage().lines().limit(20).reduce("", (a, b) -> a + b + "\n"));
                env = parse(SystemStack.run("env"));
            }
        }
        return env;
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

    private static Map<String, String> parse(String output) {
        Map<String, String> values = new HashMap<>();
        for (String line : output.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("export ") && trimmed.contains("=")) {
                String assignment = trimmed.substring(7);
                int eq = assignment.indexOf('=');
                String value = assignment.substring(eq + 1);
                if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                values.put(assignment.substring(0, eq), value);
            }
        }
        return values;
    }
}

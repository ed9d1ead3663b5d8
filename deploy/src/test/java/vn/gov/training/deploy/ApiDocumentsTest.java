package vn.gov.training.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.training.platform.testing.RepoRoot;

/**
 * The API documents integrators build on, checked in the build: each service's OpenAPI document (stored at build
 * time in {@code <service>/target/openapi/openapi.json}, the one the service serves) passes {@code redocly lint} with
 * {@code deploy/api-docs/redocly.yaml} (recommended rules plus summaries, descriptions, tags and problem+json errors)
 * with 0 errors and says what every operation answers; {@code docs/asyncapi.yaml} passes {@code @asyncapi/parser}
 * and the event schemas compile with Ajv strict ({@code deploy/api-docs/check-events.mjs}). The tools come from the
 * npm registry at the versions of {@code deploy/api-docs/package-lock.json} ({@code npm ci}, once per lock).
 */
class ApiDocumentsTest {

    static final List<String> SERVICES =
            List.of("personnel-service", "course-service", "enrolment-service", "reporting-service");
    static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    static Path root;
    static Path tools;

    @BeforeAll
    static void installTools() throws Exception {
        root = RepoRoot.find();
        Path source = root.resolve("deploy/api-docs");
        tools = root.resolve("deploy/target/api-docs");
        Files.createDirectories(tools);
        boolean current = Files.isDirectory(tools.resolve("node_modules"))
                && Files.exists(tools.resolve("package-lock.json"))
                && Arrays.equals(Files.readAllBytes(source.resolve("package-lock.json")),
                        Files.readAllBytes(tools.resolve("package-lock.json")));
        for (String file : List.of("package.json", "package-lock.json", "check-events.mjs", "redocly.yaml")) {
            Files.copy(source.resolve(file), tools.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!current) {
            Result npm = run(tools, 600, "npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts");
            assertEquals(0, npm.exit(), "npm ci in " + tools + " (needs node and npm, and the npm registry):\n"
                    + npm.output());
        }
    }

    @Test
    void everyServiceDocumentPassesRedoclyLint() throws Exception {
        List<String> command = new ArrayList<>(List.of("node", "node_modules/@redocly/cli/bin/cli.js", "lint",
                "--config", "redocly.yaml", "--format", "stylish"));
        for (String service : SERVICES) {
            command.add(document(service).toString());
        }
        Result lint = run(tools, 300, command.toArray(String[]::new));
        System.out.println(lint.output());
        assertEquals(0, lint.exit(), "redocly lint found errors:\n" + lint.output());
    }

    /** The operations anyone may call without a token (the gateway's public paths): no 401 to declare. */
    private static final Set<String> PUBLIC_PATHS = Set.of("/api/credentials/{number}/verify",
            "/api/calendar-feeds/{secret}.ics", "/api/person-calendar-feeds/{secret}.ics");

    @Test
    void everyOperationSaysWhatItDoesAndWhatItAnswers() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (String service : SERVICES) {
            JsonNode doc = mapper.readTree(document(service).toFile());
            if (!doc.path("servers").isArray() || doc.path("servers").isEmpty()) {
                problems.add(service + ": no servers");
            }
            for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
                for (String method : METHODS) {
                    JsonNode op = path.getValue().get(method);
                    if (op == null) {
                        continue;
                    }
                    operations++;
                    String where = service + " " + method.toUpperCase() + " " + path.getKey();
                    String summary = op.path("summary").asText("");
                    if (summary.isBlank() || summary.matches("[A-Z][a-z]*( [A-Z][a-z]*)*")) {
                        problems.add(where + ": summary '" + summary + "' is not a Vietnamese sentence");
                    }
                    if (!op.path("description").asText("").contains("*English:*")) {
                        problems.add(where + ": description without its English paragraph");
                    }
                    if (op.path("tags").isEmpty()) {
                        problems.add(where + ": no tag");
                    }
                    for (Map.Entry<String, JsonNode> response : op.path("responses").properties()) {
                        JsonNode resolved = resolve(doc, response.getValue());
                        if (response.getKey().startsWith("2")) {
                            resolved.path("content").properties().forEach(media -> {
                                JsonNode schema = media.getValue().path("schema");
                                if (schema.isMissingNode() || schema.isEmpty()) {
                                    problems.add(where + ": " + response.getKey() + " " + media.getKey()
                                            + " has an empty schema");
                                }
                            });
                        } else if (response.getKey().matches("[45]\\d\\d")
                                && !resolved.path("content").has("application/problem+json")) {
                            problems.add(where + ": " + response.getKey() + " is not application/problem+json");
                        }
                    }
                    if (!PUBLIC_PATHS.contains(path.getKey()) && !op.path("responses").has("401")) {
                        problems.add(where + ": no 401 declared");
                    }
                }
            }
        }
        System.out.printf("API documents: %d operations in %d services checked%n", operations, SERVICES.size());
        assertTrue(operations > 100, "operations found: " + operations);
        assertEquals(List.of(), problems);
    }

    @Test
    void asyncApiDocumentAndEventSchemasAreValid() throws Exception {
        Result check = run(tools, 300, "node", "check-events.mjs", root.toString());
        System.out.println(check.output());
        assertEquals(0, check.exit(), "AsyncAPI / event schema check failed:\n" + check.output());
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#/") ? doc.at(ref.substring(1)) : node;
    }

    private static Path document(String service) {
        Path doc = root.resolve(service).resolve("target/openapi/openapi.json");
        assertTrue(Files.exists(doc), doc + " is missing: package " + service + " first (./mvnw package)");
        return doc;
    }

    record Result(int exit, String output) {
    }

    private static Result run(Path dir, int timeoutSeconds, String... command) throws IOException,
            InterruptedException {
        Path log = Files.createTempFile("api-docs", ".log");
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out after " + timeoutSeconds + " s: " + String.join(" ", command)
                        + "\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}

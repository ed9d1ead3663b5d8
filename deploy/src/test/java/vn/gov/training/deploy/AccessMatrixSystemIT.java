package vn.gov.training.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Who may call what, as {@code docs/access-matrix.md} says, checked against the running system: every operation of
 * the four services' OpenAPI documents must have a row there (a new endpoint cannot ship without a decision), and
 * each one is called as every role, without a token and with forged tokens, through the gateway (or on the
 * services' own ports for the operations the gateway does not route). Denied is 403 (401 without a valid token),
 * allowed is anything but 401/403: the bodies are empty JSON objects and most path ids are random, so a 400 or 404
 * is fine for an allowed caller. Unit officers also call the person operations with a record of their own unit and
 * one of another unit, which must stay hidden (404) or be refused, as the table's "other unit" column says.
 */
class AccessMatrixSystemIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ROLES = List.of("admin", "province-manager", "unit-officer", "institution-staff",
            "leader", "staff", "integration");
    private static final Map<String, String> SERVICE_URLS = Map.of("personnel", "PERSONNEL_URL", "course",
            "COURSE_URL", "enrolment", "ENROLMENT_URL", "reporting", "REPORTING_URL");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    /** The unit officer demo user's unit, and another unit outside it. */
    private static final String OWN_UNIT = "HG.VT";
    private static final String OTHER_UNIT = "HG.CT";

    // HTTP/1.1: without it the JDK client asks every service to upgrade to h2c, and once in CI the answer for a
    // service's OpenAPI document reached the client as bytes it read as an HTTP/2 frame ("exceeds MAX_FRAME_SIZE")
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One row of the table. */
    record Row(String operation, String via, Map<String, String> roles, String otherUnit, String probe) {
        String method() {
            return operation.substring(0, operation.indexOf(' '));
        }

        String path() {
            return operation.substring(operation.indexOf(' ') + 1);
        }

        boolean isPublic() {
            return roles.values().stream().allMatch("public"::equals);
        }
    }

    /** One call and what the table expects of it; {@code body} null: an empty JSON object where a body is taken. */
    record Call(String operation, String caller, String url, String method, String token, Expect expect,
                String body) {
        Call(String operation, String caller, String url, String method, String token, Expect expect) {
            this(operation, caller, url, method, token, expect, null);
        }
    }

    /** An operation of the OpenAPI documents: the services offering it and the media type its body is sent as. */
    record Operation(Set<String> services, String requestType) {
    }

    /**
     * Valid bodies for the person operations whose empty body fails validation before the scope check: the other
     * unit's record must be refused for what it is, not for the body.
     */
    private static final Map<String, String> VALID_BODIES = Map.of(
            "POST /api/personnel/{id}/transfer", "{\"orgUnitCode\":\"" + OWN_UNIT + "\"}",
            "POST /api/personnel/{id}/leave", "{\"reason\":\"RESIGNED\"}",
            "PUT /api/personnel/{id}/ratings/{year}", "{\"rating\":\"GOOD\"}");

    enum Expect {
        /** Neither 401 nor 403. */
        ALLOWED,
        /** A real record that the caller may reach: neither 401, 403 nor 404. */
        REACHABLE,
        DENIED, UNAUTHENTICATED, HIDDEN
    }

    private static String ownPerson;
    private static String otherPerson;

    @BeforeAll
    static void records() {
        ownPerson = SystemData.newPerson(OWN_UNIT, "Lê Thị Ma Trận").then().extract().path("id");
        otherPerson = SystemData.newPerson(OTHER_UNIT, "Trần Văn Ma Trận").then().extract().path("id");
    }

    @Test
    void everyOperationOfTheServicesHasADecisionInTheTable() {
        Map<String, Row> table = table();
        Map<String, Operation> operations = operations();
        List<String> missing = operations.keySet().stream().filter(op -> !table.containsKey(op))
                .map(op -> op + " (" + String.join(", ", operations.get(op).services()) + ")").sorted().toList();
        List<String> stale = table.keySet().stream().filter(op -> !operations.containsKey(op)).sorted().toList();
        assertTrue(missing.isEmpty(), "operations without a row in docs/access-matrix.md (decide who may call them): "
                + missing);
        assertTrue(stale.isEmpty(), "rows of docs/access-matrix.md that no service offers any more: " + stale);
    }

    @Test
    void everyCallerGetsWhatTheTableSays() throws Exception {
        Map<String, Row> table = table();
        Map<String, Operation> operations = operations();
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String role : ROLES) {
            tokens.put(role, role.equals("integration")
                    ? SystemTokens.client("example-department-system", "department-dev-secret")
                    : SystemTokens.user(role));
        }
        Map<String, String> forged = forgedTokens(SystemTokens.user("admin"), SystemTokens.user("staff"));

        List<Call> calls = new ArrayList<>();
        for (Map.Entry<String, Operation> entry : new java.util.TreeMap<>(operations).entrySet()) {
            Row row = table.get(entry.getKey());
            if (row == null) {
                continue; // the other test names it
            }
            List<String> bases = new ArrayList<>();
            if (row.via().equals("direct")) {
                for (String service : entry.getValue().services()) {
                    bases.add(SystemStack.url(SERVICE_URLS.get(service)));
                }
            } else {
                bases.add(SystemData.gateway());
            }
            for (String base : bases) {
                String url = base + fill(row.path(), null);
                for (String role : ROLES) {
                    boolean allowed = !row.roles().get(role).equals("no");
                    if (allowed && row.probe().equals("denied-only")) {
                        continue;
                    }
                    calls.add(new Call(row.operation(), role, url, row.method(), tokens.get(role),
                            allowed ? Expect.ALLOWED : Expect.DENIED));
                }
                calls.add(new Call(row.operation(), "no token", url, row.method(), null,
                        row.isPublic() ? Expect.ALLOWED : Expect.UNAUTHENTICATED));
                if (!row.isPublic()) {
                    forged.forEach((kind, token) -> calls.add(new Call(row.operation(), kind, url, row.method(),
                            token, Expect.UNAUTHENTICATED)));
                }
                if (!row.otherUnit().equals("-")) {
                    String own = row.roles().get("unit-officer");
                    calls.add(new Call(row.operation(), "unit-officer, person of own unit", base
                            + fill(row.path(), ownPerson), row.method(), tokens.get("unit-officer"),
                            own.equals("no") ? Expect.DENIED : Expect.ALLOWED));
                    calls.add(new Call(row.operation(), "unit-officer, person of another unit", base
                            + fill(row.path(), otherPerson), row.method(), tokens.get("unit-officer"),
                            switch (row.otherUnit()) {
                                case "hidden" -> Expect.HIDDEN;
                                case "no" -> Expect.DENIED;
                                case "yes" -> Expect.REACHABLE;
                                default -> throw new IllegalStateException("other unit: hidden, no, yes or -, not "
                                        + row.otherUnit() + " (" + row.operation() + ")");
                            }, VALID_BODIES.get(row.operation())));
                }
            }
        }
        assertTrue(calls.size() <= 2_500, "the matrix must stay bounded: " + calls.size() + " calls");

        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<String> disagreements = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Call call : calls) {
                String requestType = operations.get(call.operation()).requestType();
                done.add(pool.submit(() -> {
                    int status = send(call, requestType);
                    if (!agrees(call.expect(), status)) {
                        disagreements.add(call.operation() + " as " + call.caller() + ": " + status + ", the table says "
                                + call.expect() + " (" + call.url() + ")");
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("AccessMatrixSystemIT: %d operations, %d calls in %d s, %d disagreements%n",
                operations.size(), calls.size(), Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                disagreements.size());
        List<String> sorted = new ArrayList<>(new TreeSet<>(disagreements));
        assertTrue(sorted.isEmpty(), "the system and docs/access-matrix.md disagree on " + sorted.size()
                + " calls:\n" + String.join("\n", sorted));
    }

    private static boolean agrees(Expect expect, int status) {
        return switch (expect) {
            case ALLOWED -> status != 401 && status != 403;
            case REACHABLE -> status != 401 && status != 403 && status != 404;
            case DENIED -> status == 403;
            case UNAUTHENTICATED -> status == 401;
            case HIDDEN -> status == 404;
        };
    }

    /**
     * Sends the call, its body (an empty JSON object unless given) as the media type the operation declares, accepting
     * any answer type (an operation that produces a spreadsheet must not stop a caller at content negotiation before
     * its role is checked); answers 429 are waited out as the gateway's Retry-After says.
     */
    private static int send(Call call, String requestType) throws IOException, InterruptedException {
        boolean hasBody = !call.method().equals("GET") && !call.method().equals("DELETE");
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(call.url())).timeout(Duration.ofSeconds(30))
                .header("Accept", "*/*").header("Accept-Language", "vi")
                .method(call.method(), hasBody ? HttpRequest.BodyPublishers.ofString(
                        call.body() != null ? call.body() : "{}") : HttpRequest.BodyPublishers.noBody());
        if (hasBody) {
            builder.header("Content-Type", requestType != null ? requestType : "application/json");
        }
        if (call.token() != null) {
            builder.header("Authorization", "Bearer " + call.token());
        }
        HttpRequest request = builder.build();
        for (int attempt = 0; ; attempt++) {
            HttpResponse<Void> response = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 429 || attempt == 5) {
                return response.statusCode();
            }
            // the gateway's rate limit: its Retry-After says when the bucket has a request again
            long wait = response.headers().firstValueAsLong("Retry-After").orElse(1);
            Thread.sleep(Duration.ofSeconds(Math.min(wait, 30)));
        }
    }

    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    /**
     * The path with its parameters filled: {@code personId} for the parameter naming a person (when given), a
     * random UUID for the other ids, plausible values for codes, years and versions.
     */
    static String fill(String path, String personId) {
        Matcher m = PARAM.matcher(path);
        StringBuilder out = new StringBuilder();
        boolean first = true;
        while (m.find()) {
            String name = m.group(1);
            String before = path.substring(0, m.start());
            boolean personParam = first && before.equals("/api/personnel/");
            first = false;
            String value = switch (name) {
                case "code" -> "SYS" + SystemData.suffix();
                case "unitCode" -> OWN_UNIT;
                case "year" -> "2025";
                case "version" -> "1";
                case "topic" -> "no-such-topic.dlt";
                case "number" -> "HG-" + SystemData.suffix();
                case "sessionId" -> "S1";
                default -> personParam && personId != null ? personId
                        : path.startsWith("/api/admin/rebuild") ? "999999" : UUID.randomUUID().toString();
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Tokens that must not open anything: the admin's token re-issued unsigned ({@code alg: none}), the admin's
     * claims signed by a key that is not the realm's (same {@code kid}), and a staff token whose claims were edited
     * to make it an admin, its signature kept.
     */
    static Map<String, String> forgedTokens(String admin, String staff) throws Exception {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String[] adminParts = admin.split("\\.");
        ObjectNode header = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(adminParts[0]));
        Map<String, String> forged = new LinkedHashMap<>();

        ObjectNode none = header.deepCopy();
        none.put("alg", "none");
        forged.put("forged token (alg none)", encoder.encodeToString(JSON.writeValueAsBytes(none)) + "."
                + adminParts[1] + ".");

        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        var pair = keys.generateKeyPair();
        ObjectNode rs = header.deepCopy();
        rs.put("alg", "RS256");
        String signingInput = encoder.encodeToString(JSON.writeValueAsBytes(rs)) + "." + adminParts[1];
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(pair.getPrivate());
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        forged.put("forged token (another key)", signingInput + "." + encoder.encodeToString(signature.sign()));

        String[] staffParts = staff.split("\\.");
        ObjectNode claims = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(staffParts[1]));
        claims.putObject("realm_access").putArray("roles").add("admin");
        claims.put("org_unit", "HG");
        forged.put("forged token (staff claims edited to admin)", staffParts[0] + "."
                + encoder.encodeToString(JSON.writeValueAsBytes(claims)) + "." + staffParts[2]);
        return forged;
    }

    /**
     * Every operation ("METHOD path") of the four services' OpenAPI documents, with the services offering it and the
     * first media type its request body is declared with.
     */
    static Map<String, Operation> operations() {
        Map<String, Operation> operations = new LinkedHashMap<>();
        for (Map.Entry<String, String> service : new java.util.TreeMap<>(SERVICE_URLS).entrySet()) {
            // the services publish their documents on the management interface (prod profile)
            String url = SystemStack.url(service.getValue().replace("_URL", "_MANAGEMENT_URL"))
                    + "/q/openapi?format=json";
            JsonNode document;
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Accept", "application/json")
                        .header("Authorization", "Bearer " + SystemTokens.user("admin")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new AssertionError(url + " answered " + response.statusCode());
                }
                document = JSON.readTree(response.body());
            } catch (IOException e) {
                throw new IllegalStateException(url, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                    String method = methods.next();
                    if (METHODS.contains(method)) {
                        Iterator<String> types = path.getValue().path(method).path("requestBody").path("content")
                                .fieldNames();
                        String requestType = types.hasNext() ? types.next() : null;
                        operations.computeIfAbsent(method.toUpperCase() + " " + path.getKey(),
                                op -> new Operation(new LinkedHashSet<>(), requestType)).services()
                                .add(service.getKey());
                    }
                }
            }
        }
        return operations;
    }

    /**
     * The rows of {@code docs/access-matrix.md}: every table line that starts with a back-quoted operation, columns
     * operation, service, via, the seven roles, other unit, probe.
     */
    static Map<String, Row> table() {
        Path file = repoRoot().resolve("docs/access-matrix.md");
        Map<String, Row> rows = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (!line.startsWith("| `")) {
                    continue;
                }
                String[] cells = line.substring(1, line.lastIndexOf('|')).split("\\|");
                if (cells.length != 12) {
                    throw new IllegalStateException("access matrix: 12 columns expected in " + line);
                }
                String operation = cells[0].strip().replace("`", "");
                Map<String, String> roles = new LinkedHashMap<>();
                for (int i = 0; i < ROLES.size(); i++) {
                    String value = cells[3 + i].strip();
                    if (!Set.of("yes", "no", "public").contains(value)) {
                        throw new IllegalStateException("access matrix: yes, no or public, not '" + value + "' in "
                                + line);
                    }
                    roles.put(ROLES.get(i), value);
                }
                Row row = new Row(operation, cells[2].strip(), roles, cells[10].strip(), cells[11].strip());
                if (rows.put(operation, row) != null) {
                    throw new IllegalStateException("access matrix: two rows for " + operation);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(file.toString(), e);
        }
        return rows;
    }

    private static Path repoRoot() {
        String configured = System.getProperty("training.repo.root");
        return configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
    }
}

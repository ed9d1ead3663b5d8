package vn.gov.training.platform.testing;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The bad-input suite of a service: takes every write operation (POST, PUT, PATCH, DELETE) of the service's own
 * OpenAPI document and sends it a bounded, generated set of malformed requests (at most {@link #MAX_PER_OPERATION}
 * each): NUL characters, duplicate keys, trailing garbage, invalid UTF-8, wrong types, nulls, huge numbers, invalid
 * dates and enums, over-long strings, injection strings in typed fields and path segments, wrong content types,
 * path ids that are not UUIDs. It checks that no answer is 2xx or 5xx, that every error is
 * {@code application/problem+json} with a stable {@code code}, and (with {@link #unchanged}) that nothing was
 * written. Use it from one {@code @QuarkusTest} per service:
 *
 * <pre>
 * BadInput.of(Tokens.bearer("admin")).unchanged(BadInput.rowCounts(dataSource)).run().assertClean();
 * </pre>
 */
public final class BadInput {

    /** Requests sent to one operation at most. */
    public static final int MAX_PER_OPERATION = 40;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> INJECTIONS = List.of("' OR '1'='1' --", "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/x}", "../../../../etc/passwd", "%27%3B%20drop%20table%20person%3B--");
    private static final RestAssuredConfig RAW = RestAssuredConfig.config().encoderConfig(
            EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    /** One malformed request and what came back. */
    public record Outcome(String operation, String kind, int status, String contentType, String code,
                          boolean offeredExport) {

        boolean clean() {
            return offeredExport || status >= 400 && status < 500 && contentType != null
                    && contentType.startsWith("application/problem+json") && code != null && !code.isBlank();
        }

        @Override
        public String toString() {
            return operation + " [" + kind + "] -> " + status + " " + contentType + " code=" + code;
        }
    }

    /** What a run found. */
    public record Report(List<Outcome> outcomes, Map<String, Long> before, Map<String, Long> after) {

        public List<Outcome> failures() {
            return outcomes.stream().filter(o -> !o.clean()).toList();
        }

        public int operations() {
            return (int) outcomes.stream().map(Outcome::operation).distinct().count();
        }

        /** Fails with every offending request listed: a 2xx or 5xx, a non-problem error, or a changed table. */
        public Report assertClean() {
            List<String> problems = new ArrayList<>();
            failures().forEach(o -> problems.add(o.toString()));
            if (before != null && !before.equals(after)) {
                Map<String, String> changed = new TreeMap<>();
                after.forEach((table, count) -> {
                    if (!count.equals(before.get(table))) {
                        changed.put(table, before.get(table) + " -> " + count);
                    }
                });
                problems.add("rows written: " + changed);
            }
            if (outcomes.isEmpty()) {
                problems.add("no write operation found in the OpenAPI document");
            }
            if (!problems.isEmpty()) {
                throw new AssertionError(problems.size() + " of " + outcomes.size() + " bad requests not refused "
                        + "cleanly:\n  " + String.join("\n  ", problems));
            }
            return this;
        }
    }

    private final String authorization;
    private Callable<Map<String, Long>> counter;
    private Predicate<String> operations = op -> true;
    private final Map<String, String> pathValues = new LinkedHashMap<>();

    private BadInput(String authorization) {
        this.authorization = authorization;
    }

    /** With {@code authorization} (e.g. {@code Tokens.bearer("admin")}): a caller allowed to write. */
    public static BadInput of(String authorization) {
        return new BadInput(authorization);
    }

    /** Checks after the run that these counts (e.g. {@link #rowCounts}) did not change. */
    public BadInput unchanged(Callable<Map<String, Long>> counts) {
        this.counter = counts;
        return this;
    }

    /** Only the operations ({@code "POST /api/x/{id}"}) that {@code filter} accepts. */
    public BadInput only(Predicate<String> filter) {
        this.operations = filter;
        return this;
    }

    /** A real value for a path parameter, e.g. {@code code} of a unit, so that deeper checks are reached. */
    public BadInput pathValue(String name, String value) {
        pathValues.put(name, value);
        return this;
    }

    /** The number of rows of every table of the service's database but Flyway's. */
    public static Callable<Map<String, Long>> rowCounts(DataSource dataSource, String... ignoredTables) {
        Set<String> ignored = Set.of(ignoredTables);
        return () -> {
            Map<String, Long> counts = new TreeMap<>();
            try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = sql.executeQuery("select tablename from pg_tables where schemaname = 'public' "
                        + "and tablename <> 'flyway_schema_history'")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    if (ignored.contains(table)) {
                        continue;
                    }
                    try (ResultSet rs = sql.executeQuery("select count(*) from \"" + table + "\"")) {
                        rs.next();
                        counts.put(table, rs.getLong(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot count rows", e);
            }
            return counts;
        };
    }

    /**
     * The number of rows of these tables only: for a service whose consumers keep writing copies of other services'
     * data while the suite runs.
     */
    public static Callable<Map<String, Long>> tableCounts(DataSource dataSource, String... tables) {
        return () -> {
            Map<String, Long> counts = new TreeMap<>();
            try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
                for (String table : tables) {
                    try (ResultSet rs = sql.executeQuery("select count(*) from \"" + table + "\"")) {
                        rs.next();
                        counts.put(table, rs.getLong(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot count rows", e);
            }
            return counts;
        };
    }

    /** Reads the OpenAPI document of the service under test and sends every generated request. */
    public Report run() throws Exception {
        JsonNode api = JSON.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asByteArray());
        Map<String, Long> before = counter == null ? null : counter.call();
        List<Outcome> outcomes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("post", "put", "patch", "delete")) {
                JsonNode operation = path.getValue().get(method);
                String name = method.toUpperCase() + " " + path.getKey();
                if (operation != null && operations.test(name)) {
                    outcomes.addAll(probe(api, name, method, path.getKey(), path.getValue(), operation));
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode get = path.getValue().get("get");
            if (get != null && !path.getKey().contains("{") && operations.test("GET " + path.getKey())) {
                outcomes.addAll(unsupportedAccept(path.getKey(), get));
            }
        }
        Map<String, Long> after = counter == null ? null : counter.call();
        return new Report(outcomes, before, after);
    }

    private List<Outcome> probe(JsonNode api, String name, String method, String template, JsonNode pathItem,
                                JsonNode operation) {
        List<Case> cases = new ArrayList<>();
        String path = fill(template, null);
        JsonNode schema = resolve(api, operation.path("requestBody").path("content").path("application/json")
                .path("schema"));
        boolean jsonBody = !schema.isMissingNode();
        JsonNode sample = jsonBody ? sample(api, schema, 0) : null;
        if (jsonBody) {
            String valid = sample.toString();
            cases.add(new Case("trailing garbage", path, "application/json", bytes(valid + " }{garbage")));
            cases.add(new Case("two documents", path, "application/json", bytes(valid + " " + valid)));
            cases.add(new Case("not JSON", path, "application/json", bytes("{\"a\": ")));
            cases.add(new Case("text/plain", path, "text/plain", bytes(valid)));
            cases.add(new Case("application/xml", path, "application/xml", bytes("<a>1</a>")));
            cases.add(new Case("invalid UTF-8", path, "application/json", invalidUtf8(sample)));
            cases.add(new Case("JSON array instead of object", path, "application/json", bytes("[" + valid + "]")));
            if (sample instanceof ObjectNode object) {
                cases.addAll(fieldCases(api, path, schema, object));
            }
        }
        // path parameters that are not what they should be: a NUL in any; for ids and numbers, also text, an
        // injection and a number beyond int (a code may legitimately look like anything else)
        if (template.contains("{")) {
            boolean typed = typedPathParameters(api, pathItem, operation);
            List<String> bads = typed ? List.of("not-a-uuid", "%00", "x%00y", "2147483648", INJECTIONS.get(0))
                    : List.of("%00", "x%00y");
            for (String bad : bads) {
                String badPath = fill(template, bad);
                cases.add(new Case("path parameter " + bad, badPath, "application/json",
                        jsonBody ? bytes(sample.toString()) : null));
            }
        }
        cases.add(new Case("NUL in a query parameter", path + (path.contains("?") ? "&" : "?") + "q=a%00b",
                "application/json", jsonBody ? bytes(sample.toString()) : null));
        List<Outcome> outcomes = new ArrayList<>();
        for (Case c : cases.subList(0, Math.min(cases.size(), MAX_PER_OPERATION))) {
            outcomes.add(send(name, method, c));
        }
        return outcomes;
    }

    /**
     * A list asked for in a format it does not offer (a spreadsheet, CSV) is a 406 problem, never a 200 with that
     * content type and a Java {@code toString()}; where the document says the format is offered, a 200 in it is fine.
     */
    private List<Outcome> unsupportedAccept(String path, JsonNode get) {
        List<Outcome> outcomes = new ArrayList<>();
        Set<String> offered = new java.util.HashSet<>();
        get.path("responses").fields().forEachRemaining(r -> r.getValue().path("content").fieldNames()
                .forEachRemaining(offered::add));
        for (String accept : List.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv")) {
            Response response = given().header("Authorization", authorization).header("Accept", accept).get(path);
            String contentType = response.getContentType();
            boolean export = response.statusCode() == 200 && offered.contains(accept) && contentType != null
                    && contentType.startsWith(accept);
            String code = null;
            if (contentType != null && contentType.contains("json")) {
                try {
                    code = JSON.readTree(response.asByteArray()).path("code").asText(null);
                } catch (Exception unreadable) {
                    code = null;
                }
            }
            outcomes.add(new Outcome("GET " + path, "Accept: " + accept, response.statusCode(), contentType, code,
                    export));
        }
        return outcomes;
    }

    /** True when every path parameter is a UUID or a number. */
    private static boolean typedPathParameters(JsonNode api, JsonNode pathItem, JsonNode operation) {
        boolean any = false;
        for (JsonNode parameters : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
            for (JsonNode parameter : parameters) {
                JsonNode p = resolve(api, parameter);
                if (!"path".equals(p.path("in").asText())) {
                    continue;
                }
                JsonNode schema = resolve(api, p.path("schema"));
                String type = schema.path("type").asText("");
                boolean typed = "uuid".equals(schema.path("format").asText()) || type.equals("integer");
                if (!typed) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** Per property of the body: null, a wrong type, and by type: NUL, too long, huge numbers, bad dates/enums. */
    private List<Case> fieldCases(JsonNode api, String path, JsonNode schema, ObjectNode sample) {
        List<Case> cases = new ArrayList<>();
        JsonNode properties = resolve(api, schema).path("properties");
        Set<String> required = new java.util.HashSet<>();
        resolve(api, schema).path("required").forEach(r -> required.add(r.asText()));
        String first = sample.fieldNames().hasNext() ? sample.fieldNames().next() : null;
        if (first != null) {
            String duplicated = "{\"" + first + "\":" + sample.get(first) + ","
                    + sample.toString().substring(1);
            cases.add(new Case("duplicate key " + first, path, "application/json", bytes(duplicated)));
        }
        boolean longSent = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String field = property.getKey();
            JsonNode type = resolve(api, property.getValue());
            String kind = type.path("type").asText("");
            String format = type.path("format").asText("");
            if (kind.equals("string") && type.has("enum")) {
                cases.add(with(path, sample, field, NODES.textNode("NO_SUCH_VALUE"), "invalid enum " + field));
            } else if (kind.equals("string") && (format.equals("date") || format.equals("date-time"))) {
                cases.add(with(path, sample, field, NODES.textNode("2026-13-45"), "invalid date " + field));
            } else if (kind.equals("string") && format.equals("uuid")) {
                cases.add(with(path, sample, field, NODES.textNode(INJECTIONS.get(cases.size() % INJECTIONS.size())),
                        "injection in uuid " + field));
            } else if (kind.equals("string")) {
                cases.add(with(path, sample, field, NODES.textNode("a\u0000b"), "NUL in " + field));
                if (!longSent) {
                    cases.add(with(path, sample, field, NODES.textNode("x".repeat(1_048_576)), "1 MB in " + field));
                    longSent = true;
                }
                cases.add(with(path, sample, field, NODES.textNode("x".repeat(10_001)), "10k in " + field));
            } else if (kind.equals("integer") || kind.equals("number")) {
                cases.add(with(path, sample, field, NODES.numberNode(new java.math.BigInteger("9".repeat(40))),
                        "huge number " + field));
                cases.add(new Case("1e400 in " + field, path, "application/json",
                        bytes(replaceRaw(sample, field, "1e400"))));
            }
            cases.add(with(path, sample, field, kind.equals("array") || kind.equals("object")
                    ? NODES.textNode("not a " + kind) : NODES.objectNode().put("x", 1), "wrong type " + field));
            if (required.contains(field)) {
                cases.add(with(path, sample, field, NODES.nullNode(), "null " + field));
            }
        }
        return cases;
    }

    private static Case with(String path, ObjectNode sample, String field, JsonNode value, String kind) {
        ObjectNode copy = sample.deepCopy();
        copy.set(field, value);
        return new Case(kind, path, "application/json", bytes(copy.toString()));
    }

    private static String replaceRaw(ObjectNode sample, String field, String raw) {
        ObjectNode copy = sample.deepCopy();
        copy.put(field, "@@RAW@@");
        return copy.toString().replace("\"@@RAW@@\"", raw);
    }

    /** The body with an invalid UTF-8 sequence (a lone continuation byte) in its first string, or at its end. */
    private static byte[] invalidUtf8(JsonNode sample) {
        byte[] valid = bytes(sample.toString());
        byte[] bad = new byte[valid.length + 2];
        int quote = sample.toString().indexOf(":\"");
        int at = quote >= 0 ? quote + 2 : 1;
        System.arraycopy(valid, 0, bad, 0, at);
        bad[at] = (byte) 0xC3;
        bad[at + 1] = (byte) 0x28;
        System.arraycopy(valid, at, bad, at + 2, valid.length - at);
        return bad;
    }

    private Outcome send(String name, String method, Case c) {
        RequestSpecification request = given().config(RAW).urlEncodingEnabled(false)
                .header("Authorization", authorization).header("Accept", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString());
        if (c.body() != null) {
            request = request.contentType(c.contentType()).body(c.body());
        }
        Response response = request.request(method.toUpperCase(), c.path());
        String contentType = response.getContentType();
        String code = null;
        if (contentType != null && contentType.contains("json")) {
            try {
                code = JSON.readTree(response.asByteArray()).path("code").asText(null);
            } catch (Exception unreadable) {
                code = null;
            }
        }
        return new Outcome(name, c.kind(), response.statusCode(), contentType, code, false);
    }

    private String fill(String template, String bad) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                out.append(template.substring(i));
                break;
            }
            int close = template.indexOf('}', open);
            out.append(template, i, open);
            String param = template.substring(open + 1, close);
            if (bad != null) {
                out.append(bad.equals(INJECTIONS.get(0)) ? java.net.URLEncoder.encode(bad, StandardCharsets.UTF_8)
                        : bad);
            } else {
                out.append(pathValues.getOrDefault(param, guess(param)));
            }
            i = close + 1;
        }
        return out.toString();
    }

    private static String guess(String param) {
        String lower = param.toLowerCase();
        if (lower.equals("year")) {
            return "2026";
        }
        if (lower.contains("code") || lower.equals("kind")) {
            return "HG";
        }
        return UUID.randomUUID().toString();
    }

    /** A value of the schema: the first enum constant, a date, a UUID, 1, true, or an object of all properties. */
    private static JsonNode sample(JsonNode api, JsonNode schema, int depth) {
        JsonNode s = resolve(api, schema);
        if (depth > 4) {
            return NODES.nullNode();
        }
        if (s.has("enum")) {
            return s.get("enum").get(0);
        }
        String type = s.path("type").asText(s.has("properties") ? "object" : "string");
        String format = s.path("format").asText("");
        switch (type) {
            case "object": {
                ObjectNode object = NODES.objectNode();
                s.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(),
                        sample(api, p.getValue(), depth + 1)));
                return object;
            }
            case "array": {
                ArrayNode array = NODES.arrayNode();
                array.add(sample(api, s.path("items"), depth + 1));
                return array;
            }
            case "integer":
            case "number":
                return NODES.numberNode(1);
            case "boolean":
                return NODES.booleanNode(true);
            default:
                return switch (format) {
                    case "date" -> NODES.textNode("2026-01-15");
                    case "date-time" -> NODES.textNode("2026-01-15T08:00:00Z");
                    case "uuid" -> NODES.textNode(UUID.randomUUID().toString());
                    case "local-time" -> NODES.textNode("08:00:00");
                    default -> NODES.textNode("Thử nghiệm");
                };
        }
    }

    /** Follows {@code $ref} (and a single {@code allOf}/{@code oneOf}) to the schema itself. */
    private static JsonNode resolve(JsonNode api, JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 10 && s != null; i++) {
            if (s.has("$ref")) {
                String ref = s.get("$ref").asText();
                s = api.at(ref.substring(1));
            } else if (s.has("allOf") && s.get("allOf").size() == 1) {
                s = s.get("allOf").get(0);
            } else if (s.has("oneOf") && s.get("oneOf").size() > 0) {
                s = s.get("oneOf").get(0);
            } else {
                return s;
            }
        }
        return s == null ? NODES.missingNode() : s;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private record Case(String kind, String path, String contentType, byte[] body) {
    }
}

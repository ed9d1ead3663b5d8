import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The other side of the national sync in dev and test: a small receiver implementing the contract of
 * docs/national-sync.md (JDK only: {@code java NationalRegistry.java}; {@code deploy/stack} compiles it once and runs
 * the classes).
 *
 * <ul>
 * <li>{@code POST /api/v1/files/{nationalId}/changes}: one section of a person's file; 200 ACCEPTED with a receipt,
 * 422 REJECTED with reasons (field, code, message), 400 unreadable, 401 without a valid token of the sync client,
 * 503 while told to be down.</li>
 * <li>{@code GET /api/v1/files/{nationalId}}: the file as the national side holds it (404 when it has none).</li>
 * <li>{@code POST /control/down}, {@code POST /control/up}: an outage for tests (the API answers 503 meanwhile);
 * {@code POST /control/latency?ms=N}: each API call waits N ms before it answers, as across the country's network
 * (and the highest number of calls in progress at once is counted afresh); {@code GET /control/stats}: that
 * number, the calls in progress and the latency; {@code GET /health}.</li>
 * </ul>
 * Environment: NATIONAL_REGISTRY_PORT (28085), NATIONAL_REGISTRY_LATENCY_MS (0), NATIONAL_REGISTRY_ISSUER (the Keycloak realm URL whose tokens it
 * accepts; unset = no token check), NATIONAL_REGISTRY_CLIENT (national-sync), NATIONAL_REGISTRY_DATA (folder the files
 * are kept in across restarts; unset = memory only). Personal data is never printed.
 */
public class NationalRegistry {

    private static final Pattern CHANGES = Pattern.compile("^/api/v1/files/([^/]+)/changes$");
    private static final Pattern FILE = Pattern.compile("^/api/v1/files/([^/]+)$");
    private static final Pattern NATIONAL_ID = Pattern.compile("\\d{12}");
    private static final List<String> CATEGORIES = List.of("CADRE", "CIVIL_SERVANT", "PUBLIC_EMPLOYEE");

    /** The files when no folder is given (tests); with NATIONAL_REGISTRY_DATA they are read from it when needed. */
    private final Map<String, Map<String, Object>> files = new ConcurrentHashMap<>();
    /** Changes of one person's file go one at a time: one of these locks per national ID, by hash. */
    private final Object[] fileLocks = new Object[64];
    private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();
    /** Tokens whose signature and claims were checked, with their expiry (epoch s): a client sends one many times. */
    private final Map<String, Long> verified = new ConcurrentHashMap<>();
    private final String issuer = System.getenv("NATIONAL_REGISTRY_ISSUER");
    private final String client = env("NATIONAL_REGISTRY_CLIENT", "national-sync");
    private final Path data = System.getenv("NATIONAL_REGISTRY_DATA") == null ? null
            : Path.of(System.getenv("NATIONAL_REGISTRY_DATA"));
    private volatile boolean down;
    private volatile long latencyMillis = Long.parseLong(env("NATIONAL_REGISTRY_LATENCY_MS", "0"));
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    public static void main(String[] args) throws IOException {
        new NationalRegistry().start(Integer.parseInt(env("NATIONAL_REGISTRY_PORT", "28085")));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    void start(int port) throws IOException {
        for (int i = 0; i < fileLocks.length; i++) {
            fileLocks[i] = new Object();
        }
        long held = load();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
        System.out.println("national-registry: listening on 127.0.0.1:" + port + " (" + held
                + " files, token check " + (issuer == null ? "off" : "on for client " + client) + ")");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/health")) {
                send(exchange, 200, Map.of("status", "UP", "down", down));
                return;
            }
            if (path.equals("/control/down") && method.equals("POST")) {
                down = true;
                System.out.println("national-registry: told to go down");
                send(exchange, 200, Map.of("down", true));
                return;
            }
            if (path.equals("/control/up") && method.equals("POST")) {
                down = false;
                System.out.println("national-registry: back up");
                send(exchange, 200, Map.of("down", false));
                return;
            }
            if (path.equals("/control/latency") && method.equals("POST")) {
                String query = exchange.getRequestURI().getQuery();
                latencyMillis = query != null && query.matches("ms=\\d{1,5}") ? Long.parseLong(query.substring(3)) : 0;
                maxInFlight.set(inFlight.get());
                send(exchange, 200, Map.of("latencyMs", latencyMillis));
                return;
            }
            if (path.equals("/control/stats") && method.equals("GET")) {
                send(exchange, 200, Map.of("latencyMs", latencyMillis, "inFlight", inFlight.get(),
                        "maxInFlight", maxInFlight.get()));
                return;
            }
            if (down) {
                send(exchange, 503, Map.of("status", "UNAVAILABLE", "message", "national database under maintenance"));
                return;
            }
            if (!authorised(exchange)) {
                send(exchange, 401, Map.of("status", "UNAUTHORISED", "message", "a valid token of " + client + " is needed"));
                return;
            }
            Matcher changes = CHANGES.matcher(path);
            Matcher file = FILE.matcher(path);
            if (changes.matches() && method.equals("POST")) {
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    travel();
                    receive(exchange, changes.group(1));
                } finally {
                    inFlight.decrementAndGet();
                }
            } else if (file.matches() && method.equals("GET")) {
                String json;
                synchronized (lockOf(file.group(1))) {
                    Map<String, Object> held = held(file.group(1));
                    json = held == null ? null : Json.write(held);
                }
                if (json == null) {
                    send(exchange, 404, Map.of("status", "NOT_FOUND"));
                } else {
                    sendJson(exchange, 200, json);
                }
            } else {
                send(exchange, 404, Map.of("status", "NOT_FOUND"));
            }
        } catch (RuntimeException e) {
            System.out.println("national-registry: " + e.getClass().getSimpleName());
        }
    }

    /** The round trip across the country's network, as set by /control/latency. */
    private void travel() {
        long millis = latencyMillis;
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void receive(HttpExchange exchange, String nationalId) throws IOException {
        Object parsed;
        try (InputStream in = exchange.getRequestBody()) {
            parsed = Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            send(exchange, 400, Map.of("status", "UNREADABLE", "message", "the body is not JSON"));
            return;
        }
        if (!(parsed instanceof Map<?, ?> body)) {
            send(exchange, 400, Map.of("status", "UNREADABLE", "message", "the body is not a JSON object"));
            return;
        }
        Map<String, Object> change = (Map<String, Object>) body;
        String deliveryId = text(change, "deliveryId");
        Map<String, Object> answer;
        synchronized (lockOf(nationalId)) {
            answer = apply(nationalId, deliveryId, change);
        }
        send(exchange, "ACCEPTED".equals(answer.get("status")) ? 200 : 422, answer);
    }

    /**
     * Checks a change and, when it passes, records it in the person's file; the answer. A delivery sent again gets the
     * same receipt (made from its id), and recording the same change twice leaves the file as once.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> apply(String nationalId, String deliveryId, Map<String, Object> change) {
        List<Map<String, Object>> reasons = new ArrayList<>();
        if (deliveryId == null) {
            reasons.add(reason("deliveryId", "required", "deliveryId is required"));
        }
        if (!NATIONAL_ID.matcher(nationalId).matches()) {
            reasons.add(reason("nationalId", "invalid", "the personal identification number has 12 digits"));
        } else if (!nationalId.equals(text(change, "nationalId"))) {
            reasons.add(reason("nationalId", "mismatch", "the body names another person than the path"));
        }
        String section = text(change, "section");
        boolean hasFile = NATIONAL_ID.matcher(nationalId).matches() && hasFile(nationalId);
        switch (section == null ? "" : section) {
            case "PERSON" -> checkPerson(object(change, "person"), reasons);
            case "LEVEL" -> {
                requireFile(hasFile, reasons);
                checkLevel(object(change, "level"), reasons);
            }
            case "TRAINING" -> {
                requireFile(hasFile, reasons);
                checkTraining(object(change, "training"), reasons);
            }
            default -> reasons.add(reason("section", "invalid", "section is PERSON, LEVEL or TRAINING"));
        }
        if (!reasons.isEmpty()) {
            System.out.println("national-registry: delivery " + deliveryId + " rejected (" + reasons.size() + " reasons)");
            return answer(deliveryId, "REJECTED", null, reasons);
        }
        Object entry = change.get(section.toLowerCase(java.util.Locale.ROOT));
        keep(nationalId, section, section.equals("PERSON") ? null : text((Map<String, Object>) entry, "key"), entry);
        String receipt = "NR-" + UUID.nameUUIDFromBytes(deliveryId.getBytes(StandardCharsets.UTF_8));
        return answer(deliveryId, "ACCEPTED", receipt, List.of());
    }

    /** A file exists once its PERSON section was accepted: LEVEL and TRAINING sections need one. */
    private static void requireFile(boolean hasFile, List<Map<String, Object>> reasons) {
        if (!hasFile) {
            reasons.add(reason("nationalId", "file-missing", "the national database has no file for this person yet"));
        }
    }

    private static void checkPerson(Map<String, Object> p, List<Map<String, Object>> reasons) {
        if (p == null) {
            reasons.add(reason("person", "required", "the PERSON section carries person"));
            return;
        }
        required(p, "person.", List.of("fullName", "dateOfBirth", "gender", "staffCategory", "agencyCode", "status"),
                reasons);
        date(p, "person.", "dateOfBirth", reasons);
        String category = text(p, "staffCategory");
        if (category != null && !CATEGORIES.contains(category)) {
            reasons.add(reason("person.staffCategory", "invalid", "staffCategory is CADRE, CIVIL_SERVANT or PUBLIC_EMPLOYEE"));
        }
        if ("CIVIL_SERVANT".equals(category) && text(p, "rank") == null) {
            reasons.add(reason("person.rank", "required-for-civil-servant", "a civil servant's file carries the rank (ngạch)"));
        }
    }

    private static void checkLevel(Map<String, Object> l, List<Map<String, Object>> reasons) {
        if (l == null) {
            reasons.add(reason("level", "required", "the LEVEL section carries level"));
            return;
        }
        required(l, "level.", List.of("key", "kind", "level", "awardedOn"), reasons);
        date(l, "level.", "awardedOn", reasons);
    }

    private static void checkTraining(Map<String, Object> t, List<Map<String, Object>> reasons) {
        if (t == null) {
            reasons.add(reason("training", "required", "the TRAINING section carries training"));
            return;
        }
        required(t, "training.", List.of("key", "programmeCategory", "startDate", "endDate", "result"), reasons);
        LocalDate start = date(t, "training.", "startDate", reasons);
        LocalDate end = date(t, "training.", "endDate", reasons);
        if (start != null && end != null && end.isBefore(start)) {
            reasons.add(reason("training.endDate", "before-start", "the training ends before it starts"));
        }
    }

    private static void required(Map<String, Object> m, String prefix, List<String> names, List<Map<String, Object>> reasons) {
        for (String name : names) {
            if (text(m, name) == null) {
                reasons.add(reason(prefix + name, "required", name + " is required"));
            }
        }
    }

    private static LocalDate date(Map<String, Object> m, String prefix, String name, List<Map<String, Object>> reasons) {
        String value = text(m, name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (RuntimeException e) {
            reasons.add(reason(prefix + name, "invalid-date", name + " is a date yyyy-MM-dd"));
            return null;
        }
    }

    private static Map<String, Object> reason(String field, String code, String message) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("field", field);
        r.put("code", code);
        r.put("message", message);
        return r;
    }

    private static Map<String, Object> answer(String deliveryId, String status, String receipt, List<Map<String, Object>> reasons) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("deliveryId", deliveryId);
        a.put("status", status);
        if (receipt != null) {
            a.put("receipt", receipt);
        }
        a.put("reasons", reasons);
        return a;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> m, String name) {
        return m.get(name) instanceof Map<?, ?> o ? (Map<String, Object>) o : null;
    }

    private static String text(Map<String, Object> m, String name) {
        Object v = m == null ? null : m.get(name);
        if (v == null) {
            return null;
        }
        String s = String.valueOf(v).strip();
        return s.isEmpty() ? null : s;
    }

    // ---------------------------------------------------------------------------------------------- tokens

    private boolean authorised(HttpExchange exchange) {
        if (issuer == null) {
            return true;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        String token = header.substring(7).strip();
        Long expires = verified.get(token);
        if (expires != null) {
            return expires > Instant.now().getEpochSecond();
        }
        try {
            String[] parts = token.split("\\.");
            if (parts.length != 3) {
                return false;
            }
            Base64.Decoder b64 = Base64.getUrlDecoder();
            Map<?, ?> head = (Map<?, ?>) Json.parse(new String(b64.decode(parts[0]), StandardCharsets.UTF_8));
            Map<?, ?> claims = (Map<?, ?>) Json.parse(new String(b64.decode(parts[1]), StandardCharsets.UTF_8));
            if (!"RS256".equals(head.get("alg"))) {
                return false;
            }
            PublicKey key = key(String.valueOf(head.get("kid")));
            if (key == null) {
                return false;
            }
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(b64.decode(parts[2]))) {
                return false;
            }
            long exp = ((Number) claims.get("exp")).longValue();
            if (!issuer.equals(claims.get("iss")) || !client.equals(claims.get("azp"))) {
                return false;
            }
            if (verified.size() >= 1_000) {
                verified.clear(); // a handful of clients, each with a token at a time: this only bounds the memory
            }
            verified.put(token, exp);
            return exp > Instant.now().getEpochSecond();
        } catch (Exception e) {
            return false;
        }
    }

    private PublicKey key(String kid) throws Exception {
        PublicKey key = keys.get(kid);
        if (key != null) {
            return key;
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(issuer + "/protocol/openid-connect/certs")).GET().build(), HttpResponse.BodyHandlers.ofString());
        Map<?, ?> jwks = (Map<?, ?>) Json.parse(response.body());
        for (Object k : (List<?>) jwks.get("keys")) {
            Map<?, ?> jwk = (Map<?, ?>) k;
            if ("RSA".equals(jwk.get("kty")) && jwk.get("n") != null) {
                BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode((String) jwk.get("n")));
                BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode((String) jwk.get("e")));
                keys.put(String.valueOf(jwk.get("kid")),
                        KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e)));
            }
        }
        return keys.get(kid);
    }

    // ---------------------------------------------------------------------------------------------- storage

    // A person's file in the folder is a log, one accepted change a line ({"section", "key", "value", "at"}), read
    // into the file when asked for: a change is one append, not a read and rewrite of a file that grows with each turn
    // (at ten turns a person that cost the stand-in most of a core during the pipeline benchmark). A file written whole
    // by an earlier version (<id>.json) is read first, then its log.

    /** Makes the folder when one is given; how many files it holds. */
    private long load() throws IOException {
        if (data == null) {
            return 0;
        }
        Files.createDirectories(data);
        try (var list = Files.list(data)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json") || n.endsWith(".log"))
                    .map(n -> n.substring(0, n.lastIndexOf('.'))).distinct().count();
        }
    }

    private Object lockOf(String nationalId) {
        return fileLocks[Math.floorMod(nationalId.hashCode(), fileLocks.length)];
    }

    private boolean hasFile(String nationalId) {
        if (data == null) {
            return files.containsKey(nationalId);
        }
        return Files.exists(data.resolve(nationalId + ".log")) || Files.exists(data.resolve(nationalId + ".json"));
    }

    /**
     * The person's file (null when there is none), under its lock: read from the folder when one is given, so that
     * a whole country's files need not fit in memory.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> held(String nationalId) {
        if (data == null) {
            return files.get(nationalId);
        }
        Path whole = data.resolve(nationalId + ".json");
        Path log = data.resolve(nationalId + ".log");
        try {
            Map<String, Object> file = Files.exists(whole) ? (Map<String, Object>) Json.parse(Files.readString(whole))
                    : null;
            if (!Files.exists(log)) {
                return file;
            }
            if (file == null) {
                file = emptyFile(nationalId);
            }
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.isEmpty()) {
                    continue;
                }
                Map<String, Object> change;
                try {
                    change = (Map<String, Object>) Json.parse(line);
                } catch (IllegalArgumentException torn) {
                    continue; // the end of a line cut short by a crash: its delivery was not answered, it comes again
                }
                put(file, (String) change.get("section"), (String) change.get("key"), change.get("value"));
                file.put("updatedAt", change.get("at"));
            }
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read a file", e);
        }
    }

    private static Map<String, Object> emptyFile(String nationalId) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("nationalId", nationalId);
        file.put("person", null);
        file.put("levels", new LinkedHashMap<String, Object>());
        file.put("trainings", new LinkedHashMap<String, Object>());
        return file;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> file, String section, String key, Object value) {
        switch (section) {
            case "PERSON" -> file.put("person", value);
            case "LEVEL" -> ((Map<String, Object>) file.get("levels")).put(key, value);
            default -> ((Map<String, Object>) file.get("trainings")).put(key, value);
        }
    }

    /**
     * Records an accepted change of the person's file, under its lock: a line appended to its log in the folder, or
     * in memory. Recording the same change twice leaves the file as once.
     */
    private void keep(String nationalId, String section, String key, Object value) {
        String at = Instant.now().toString();
        if (data == null) {
            Map<String, Object> file = files.computeIfAbsent(nationalId, NationalRegistry::emptyFile);
            put(file, section, key, value);
            file.put("updatedAt", at);
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("section", section);
        line.put("key", key);
        line.put("value", value);
        line.put("at", at);
        try {
            // the line break first: a line cut short by a crash ends at the next change's
            Files.writeString(data.resolve(nationalId + ".log"), "\n" + Json.write(line), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep a file", e);
        }
    }

    private static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        sendJson(exchange, status, Json.write(body));
    }

    // ---------------------------------------------------------------------------------------------- JSON

    /** Just enough JSON: objects (insertion-ordered maps), arrays, strings, numbers, booleans, null. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json p = new Json(text);
            Object v = p.value();
            p.ws();
            if (p.i != text.length()) {
                throw new IllegalArgumentException("trailing text");
            }
            return v;
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private Object value() {
            ws();
            if (i >= s.length()) {
                throw new IllegalArgumentException("end of text");
            }
            char c = s.charAt(i);
            if (c == '{') {
                i++;
                Map<String, Object> m = new LinkedHashMap<>();
                ws();
                if (peek('}')) {
                    return m;
                }
                do {
                    ws();
                    if (i >= s.length() || s.charAt(i) != '"') {
                        throw new IllegalArgumentException("key expected");
                    }
                    String k = string();
                    ws();
                    expect(':');
                    m.put(k, value());
                    ws();
                } while (peek(','));
                expect('}');
                return m;
            }
            if (c == '[') {
                i++;
                List<Object> l = new ArrayList<>();
                ws();
                if (peek(']')) {
                    return l;
                }
                do {
                    l.add(value());
                    ws();
                } while (peek(','));
                expect(']');
                return l;
            }
            if (c == '"') {
                return string();
            }
            if (s.startsWith("true", i)) {
                i += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", i)) {
                i += 5;
                return Boolean.FALSE;
            }
            if (s.startsWith("null", i)) {
                i += 4;
                return null;
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            if (start == i) {
                throw new IllegalArgumentException("value expected");
            }
            String n = s.substring(start, i);
            try {
                return n.contains(".") || n.contains("e") || n.contains("E") ? (Object) Double.parseDouble(n)
                        : (Object) Long.parseLong(n);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad number");
            }
        }

        private boolean peek(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw new IllegalArgumentException("'" + c + "' expected");
            }
        }

        private String string() {
            i++;
            StringBuilder b = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    throw new IllegalArgumentException("unterminated string");
                }
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c == '\\') {
                    if (i >= s.length()) {
                        throw new IllegalArgumentException("bad escape");
                    }
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
                        case 'u' -> {
                            if (i + 4 > s.length()) {
                                throw new IllegalArgumentException("bad escape");
                            }
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
        }

        static String write(Object v) {
            StringBuilder b = new StringBuilder();
            write(v, b);
            return b.toString();
        }

        private static void write(Object v, StringBuilder b) {
            if (v == null) {
                b.append("null");
            } else if (v instanceof Map<?, ?> m) {
                b.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!first) {
                        b.append(',');
                    }
                    first = false;
                    write(String.valueOf(e.getKey()), b);
                    b.append(':');
                    write(e.getValue(), b);
                }
                b.append('}');
            } else if (v instanceof List<?> l) {
                b.append('[');
                for (int k = 0; k < l.size(); k++) {
                    if (k > 0) {
                        b.append(',');
                    }
                    write(l.get(k), b);
                }
                b.append(']');
            } else if (v instanceof Number || v instanceof Boolean) {
                b.append(v);
            } else {
                String s = v.toString();
                b.append('"');
                for (int k = 0; k < s.length(); k++) {
                    char c = s.charAt(k);
                    switch (c) {
                        case '"' -> b.append("\\\"");
                        case '\\' -> b.append("\\\\");
                        case '\n' -> b.append("\\n");
                        case '\r' -> b.append("\\r");
                        case '\t' -> b.append("\\t");
                        default -> {
                            if (c < 0x20) {
                                b.append(String.format("\\u%04x", (int) c));
                            } else {
                                b.append(c);
                            }
                        }
                    }
                }
                b.append('"');
            }
        }
    }
}

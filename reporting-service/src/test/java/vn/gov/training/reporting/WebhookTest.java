package vn.gov.training.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import vn.gov.training.platform.testing.EventContract;
import vn.gov.training.platform.testing.Kafka;
import vn.gov.training.platform.testing.Poll;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.testing.Tokens;

/**
 * Webhooks against a real HTTP receiver started here (JDK's HttpServer on 127.0.0.1), which checks the signature as
 * docs/events.md tells integrators to: each event once, in feed order, as a binary-mode CloudEvent, after an outage
 * of the receiver (503) retried with back-off; a receiver that holds a wrong secret refuses every request (401), the
 * delivery is retried and goes through once the secret is rotated and the receiver has the new one; a unit officer's
 * subscription carries only their units' events; targets into the cluster are refused.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class WebhookTest {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TYPES = "vn.gov.training.personnel.";

    /** A request the receiver took (answered 2xx). */
    record Received(String id, String type, String subject, Map<String, String> headers, JsonNode body) {
    }

    /** One path of the receiver: the status it answers, the secret it checks with, what it took, what it refused. */
    static final class Endpoint {
        volatile int status = 204;
        volatile String secret;
        final List<Received> taken = new CopyOnWriteArrayList<>();
        final List<String> refused = new CopyOnWriteArrayList<>();

        List<String> takenIds(List<String> ids) {
            return taken.stream().map(Received::id).filter(ids::contains).toList();
        }
    }

    static HttpServer server;
    static final Map<String, Endpoint> ENDPOINTS = new ConcurrentHashMap<>();
    static final List<String> SUBSCRIPTIONS = new CopyOnWriteArrayList<>();

    static volatile boolean unitsKnown;

    @BeforeAll
    static void receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook/", WebhookTest::handle);
        server.start();
    }

    /** The units of the demo users' scopes, known to the service (RestAssured is set up per test, not before all). */
    @BeforeEach
    void units() {
        if (unitsKnown) {
            return;
        }
        try (KafkaCompanion kafka = Kafka.companion()) {
            kafka.produceStrings().fromRecords(
                    unit("HG", null, "Tỉnh Hậu Giang"), unit("HG.VT", "HG", "Thành phố Vị Thanh"),
                    unit("HG.CT", "HG", "Huyện Châu Thành")).awaitCompletion();
        }
        for (String code : List.of("HG", "HG.VT", "HG.CT")) {
            Poll.until(Duration.ofSeconds(60), () -> given().header("Authorization", Tokens.bearer("admin"))
                    .get("/api/org-unit-copy/" + code).statusCode(), s -> s == 200);
        }
        unitsKnown = true;
    }

    /** Nothing keeps sending to this test's receiver once it is gone. */
    @AfterEach
    void deleteSubscriptions() {
        for (String id : SUBSCRIPTIONS) {
            given().header("Authorization", Tokens.bearer("admin")).delete("/api/webhooks/" + id);
        }
        SUBSCRIPTIONS.clear();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    /** The receiver: verifies the signature as docs/events.md describes, then answers the endpoint's status. */
    private static void handle(HttpExchange exchange) throws IOException {
        Endpoint endpoint = ENDPOINTS.get(exchange.getRequestURI().getPath().substring("/hook/".length()));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        int status;
        if (endpoint == null) {
            status = 404;
        } else if (!verified(endpoint.secret, id, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                exchange.getRequestHeaders().getFirst("webhook-signature"), body)) {
            endpoint.refused.add(id);
            status = 401;
        } else {
            status = endpoint.status;
            if (status >= 200 && status < 300) {
                Map<String, String> headers = new ConcurrentHashMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
                endpoint.taken.add(new Received(headers.get("ce-id"), headers.get("ce-type"),
                        headers.get("ce-subject"), headers, JSON.readTree(body)));
            }
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /**
     * What a receiver does: HMAC-SHA256 of {@code <webhook-id>.<webhook-timestamp>.<body>} under the base64-decoded
     * key after {@code whsec_}, compared in constant time with each {@code v1,<base64>} of the header, and a
     * timestamp within five minutes.
     */
    static boolean verified(String secret, String id, String timestamp, String signatures, byte[] body) {
        if (secret == null || id == null || timestamp == null || signatures == null) {
            return false;
        }
        try {
            if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            for (String signature : signatures.split(" ")) {
                if (signature.startsWith("v1,") && MessageDigest.isEqual(expected,
                        Base64.getDecoder().decode(signature.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (Exception unreadable) {
            return false;
        }
    }

    private static String target(String endpoint) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook/" + endpoint;
    }

    private static Response subscribe(String user, String name, String targetUrl) {
        Response r = given().header("Authorization", Tokens.bearer(user)).contentType(ContentType.JSON)
                .body(Map.of("name", name, "targetUrl", targetUrl, "types", List.of(TYPES))).post("/api/webhooks");
        if (r.statusCode() == 201) {
            SUBSCRIPTIONS.add(r.path("id"));
        }
        return r;
    }

    private static List<Map<String, Object>> log(String user, String subscription) {
        return given().header("Authorization", Tokens.bearer(user)).queryParam("size", 200)
                .get("/api/webhooks/" + subscription + "/deliveries").then().statusCode(200).extract().jsonPath()
                .getList("items");
    }

    @Test
    void eachEventOnceInOrderAsASignedCloudEventAfterAnOutageOfTheReceiver() throws Exception {
        Endpoint endpoint = new Endpoint();
        endpoint.status = 503; // the receiver is down
        ENDPOINTS.put("main", endpoint);
        Response created = subscribe("integration", "Hệ thống Sở Nội vụ", target("main"));
        assertEquals(201, created.statusCode(), created.asString());
        String id = created.path("id");
        String secret = created.path("secret");
        assertTrue(secret.startsWith("whsec_"), secret);
        assertTrue(created.header("Location").endsWith("/api/webhooks/" + id));
        assertEquals(List.of(TYPES), created.path("types"));
        endpoint.secret = secret;
        // the secret is shown once
        given().header("Authorization", Tokens.bearer("integration")).get("/api/webhooks/" + id).then()
                .statusCode(200).body("secret", equalTo(null)).body("status", equalTo("ACTIVE"));

        String p1 = UUID.randomUUID().toString();
        String p2 = UUID.randomUUID().toString();
        List<ProducerRecord<String, String>> records = List.of(
                person(p1, "HG.VT", "Lê Văn Webhook", "registered"),
                person(p1, "HG.VT", "Lê Văn Webhook Hai", "updated"),
                person(p2, "HG.CT", "Trần Thị Webhook", "registered"));
        List<String> mine = records.stream().map(WebhookTest::eventId).toList();
        try (KafkaCompanion kafka = Kafka.companion()) {
            kafka.produceStrings().fromRecords(records).awaitCompletion();
        }
        // the outage: attempts fail with 503, are logged, and the subscription waits with back-off
        List<Map<String, Object>> failures = Poll.until(DEADLINE, () -> log("integration", id),
                entries -> entries.stream().filter(e -> "FAILED".equals(e.get("outcome"))).count() >= 3);
        Map<String, Object> failed = failures.stream().filter(e -> "FAILED".equals(e.get("outcome"))).findFirst()
                .orElseThrow();
        assertEquals(503, failed.get("httpStatus"));
        assertEquals("HTTP 503", failed.get("error"));
        given().header("Authorization", Tokens.bearer("integration")).get("/api/webhooks/" + id).then()
                .statusCode(200).body("lastError", equalTo("HTTP 503"));
        assertTrue(endpoint.taken.isEmpty());

        endpoint.status = 204; // back
        Poll.until(DEADLINE, () -> endpoint.takenIds(mine), ids -> ids.size() >= 3);
        assertEquals(mine, endpoint.takenIds(mine), "each event once, in the order published");

        Received first = endpoint.taken.stream().filter(r -> r.id().equals(mine.get(0))).findFirst().orElseThrow();
        assertEquals("1.0", first.headers().get("ce-specversion"));
        assertEquals("vn.gov.training.personnel.registered.v1", first.type());
        assertEquals(p1, first.subject());
        assertEquals("/training/test", first.headers().get("ce-source"));
        assertNotNull(first.headers().get("ce-time"));
        assertTrue(first.headers().get("content-type").startsWith("application/json"));
        assertEquals(first.id(), first.headers().get("webhook-id"));
        assertEquals(p1, first.body().path("personnelId").asText());
        assertEquals("HG.VT", first.body().path("orgUnitCode").asText());
        assertFalse(first.body().has("dateOfBirth"), "no date of birth without personal-data: " + first.body());

        // the log: the failed attempts, then each event delivered once
        List<Map<String, Object>> entries = log("integration", id);
        for (String event : mine) {
            List<Map<String, Object>> delivered = entries.stream()
                    .filter(e -> event.equals(e.get("eventId")) && "DELIVERED".equals(e.get("outcome"))).toList();
            assertEquals(1, delivered.size(), event + ": " + entries);
            assertEquals(204, delivered.get(0).get("httpStatus"));
        }
        List<Integer> attempts = new ArrayList<>();
        String stuck = (String) failed.get("eventId");
        entries.stream().filter(e -> stuck.equals(e.get("eventId"))).forEach(e -> attempts.add(0, (Integer) e.get("attempt")));
        for (int i = 0; i < attempts.size(); i++) {
            assertEquals(i + 1, attempts.get(i), "attempts of one event count up: " + attempts);
        }
        given().header("Authorization", Tokens.bearer("integration")).get("/api/webhooks/" + id).then()
                .statusCode(200).body("lastError", equalTo(null)).body("attempts", equalTo(0));
    }

    @Test
    void aReceiverWithTheWrongSecretRefusesUntilTheSecretIsRotated() {
        Endpoint endpoint = new Endpoint();
        ENDPOINTS.put("strict", endpoint);
        Response created = subscribe("admin", "Nhận kiểm tra chữ ký", target("strict"));
        assertEquals(201, created.statusCode(), created.asString());
        String id = created.path("id");
        String right = created.path("secret");
        endpoint.secret = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]); // not the subscription's
        // the documented check itself: the right secret verifies, a changed body or another secret does not
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        String signature = vn.gov.training.reporting.webhook.WebhookSignature.sign(right, "e1", now, body);
        assertTrue(verified(right, "e1", Long.toString(now), signature, body));
        assertFalse(verified(right, "e1", Long.toString(now), signature, "{\"a\":2}".getBytes(StandardCharsets.UTF_8)));
        assertFalse(verified(endpoint.secret, "e1", Long.toString(now), signature, body));
        assertFalse(verified(right, "e1", Long.toString(now - 3600), signature, body), "an old timestamp");

        String p3 = UUID.randomUUID().toString();
        ProducerRecord<String, String> record = person(p3, "HG.VT", "Phạm Văn Chữ Ký", "registered");
        try (KafkaCompanion kafka = Kafka.companion()) {
            kafka.produceStrings().fromRecords(record).awaitCompletion();
        }
        Poll.until(DEADLINE, () -> log("admin", id), entries -> entries.stream()
                .filter(e -> Integer.valueOf(401).equals(e.get("httpStatus"))).count() >= 2);
        assertTrue(endpoint.taken.isEmpty());

        String rotated = given().header("Authorization", Tokens.bearer("admin")).post("/api/webhooks/" + id + "/secret")
                .then().statusCode(200).extract().path("secret");
        assertTrue(rotated.startsWith("whsec_") && !rotated.equals(right));
        endpoint.secret = rotated;
        Poll.until(DEADLINE, () -> endpoint.takenIds(List.of(eventId(record))), ids -> ids.size() == 1);
    }

    @Test
    void aUnitOfficersSubscriptionCarriesTheirUnitsEventsOnlyAndIsTheirsAlone() {
        Endpoint endpoint = new Endpoint();
        ENDPOINTS.put("unit", endpoint);
        Response created = subscribe("unit-officer", "Phòng Nội vụ Vị Thanh", target("unit"));
        assertEquals(201, created.statusCode(), created.asString());
        String id = created.path("id");
        endpoint.secret = created.path("secret");
        assertEquals(false, created.path("provinceWide"));
        assertEquals("HG.VT", created.path("orgUnit"));

        ProducerRecord<String, String> other = person(UUID.randomUUID().toString(), "HG.CT", "Người Huyện Khác", "registered");
        ProducerRecord<String, String> own = person(UUID.randomUUID().toString(), "HG.VT", "Người Vị Thanh", "registered");
        try (KafkaCompanion kafka = Kafka.companion()) {
            kafka.produceStrings().fromRecords(other, own).awaitCompletion(); // one partition: other first
        }
        Poll.until(DEADLINE, () -> endpoint.takenIds(List.of(eventId(own))), ids -> ids.size() == 1);
        assertTrue(endpoint.takenIds(List.of(eventId(other))).isEmpty(), "another district's event was sent");

        // someone else's subscription is not found; lists hold one's own
        given().header("Authorization", Tokens.bearer("leader")).get("/api/webhooks/" + id).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("webhook-not-found"));
        given().header("Authorization", Tokens.bearer("leader")).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "targetUrl", target("unit"))).put("/api/webhooks/" + id).then()
                .statusCode(404);
        given().header("Authorization", Tokens.bearer("leader")).get("/api/webhooks").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        given().header("Authorization", Tokens.bearer("unit-officer")).get("/api/webhooks").then().statusCode(200)
                .body("items.id", hasItem(id));
        given().header("Authorization", Tokens.bearer("admin")).get("/api/webhooks?size=200").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        // paused, then deleted by its owner
        given().header("Authorization", Tokens.bearer("unit-officer")).contentType(ContentType.JSON)
                .body(Map.of("name", "Phòng Nội vụ Vị Thanh", "targetUrl", target("unit"), "types", List.of(TYPES),
                        "active", false)).put("/api/webhooks/" + id).then().statusCode(200)
                .body("status", equalTo("PAUSED"));
        given().header("Authorization", Tokens.bearer("unit-officer")).delete("/api/webhooks/" + id).then()
                .statusCode(204);
        given().header("Authorization", Tokens.bearer("unit-officer")).get("/api/webhooks/" + id).then()
                .statusCode(404);
    }

    @Test
    void targetsIntoTheClusterAndBadFieldsAreRefusedFieldByField() {
        for (String url : List.of("http://10.0.0.1/hook", "https://169.254.169.254/latest/meta-data",
                "https://[fd00::1]/x")) {
            subscribe("integration", "SSRF", url).then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("validation-failed")).body("errors[0].field", equalTo("targetUrl"))
                    .body("errors[0].code", equalTo("webhook-target-not-allowed"));
        }
        Response bad = given().header("Authorization", Tokens.bearer("integration")).contentType(ContentType.JSON)
                .body(Map.of("name", " ", "targetUrl", "ftp://example.gov.vn/x", "types", List.of("Bad Type")))
                .post("/api/webhooks");
        assertEquals(400, bad.statusCode(), bad.asString());
        assertEquals(List.of("name", "targetUrl", "types"), bad.jsonPath().getList("errors.field"));
        assertEquals("webhook-target-invalid", bad.jsonPath().getString("errors[1].code"));
        assertFalse(bad.jsonPath().getString("errors[1].message").isBlank());
        given().header("Authorization", Tokens.bearer("staff")).get("/api/webhooks").then().statusCode(403);
        given().get("/api/webhooks").then().statusCode(401);
    }

    // ------------------------------------------------------------------------------------------ events

    private static ProducerRecord<String, String> unit(String code, String parent, String name) {
        return event("org-unit", code, "org-unit.created", """
                {"code":"%s","name":"%s","kind":"DEPARTMENT",%s"validFrom":"2000-01-01","effectiveOn":"2000-01-01"}"""
                .formatted(code, name, parent == null ? "" : "\"parentCode\":\"" + parent + "\","));
    }

    private static ProducerRecord<String, String> person(String id, String unit, String name, String type) {
        return event("personnel", id, "personnel." + type, """
                {"personnelId":"%s","fullName":"%s","gender":"MALE","ethnicity":"Kinh","dateOfBirth":"1980-01-01",
                 "category":"CIVIL_SERVANT","orgUnitCode":"%s","status":"ACTIVE","startedServiceOn":"2010-01-01",
                 "effectiveOn":"2010-01-01","qualifications":[],"ratings":[],"plannedTitles":[]}"""
                .formatted(id, name, unit));
    }

    private static ProducerRecord<String, String> event(String topic, String key, String type, String data) {
        // one partition, so that the feed records them in the order sent
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, 0, key, data);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_source", "/training/test");
        header(record, "ce_type", "vn.gov.training." + type + ".v1");
        header(record, "ce_subject", key);
        header(record, "content-type", "application/json");
        EventContract.published().assertValid(record); // the fixture keeps its producer's contract
        return record;
    }

    private static String eventId(ProducerRecord<String, String> record) {
        return new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

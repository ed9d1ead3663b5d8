package vn.gov.training.enrolment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.testing.Tokens;

/**
 * Rate limiting per client behind the gateway, who sees a class's quotas, withdrawals with a reason, and bulk
 * nominations that are safe to retry.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class AccessAndRetriesTest {

    @BeforeEach
    void units() {
        Copies.units();
    }

    @Test
    void credentialVerificationThroughTheGatewayHasABucketPerForwardedClient() {
        // the gateway (127.0.0.1, trusted) forwards each client's address in X-Forwarded-For
        String first = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 250);
        String second = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 250);
        Response last = null;
        int allowed = 0;
        for (int i = 0; i < 40; i++) {
            last = given().header("X-Forwarded-For", first).get("/api/credentials/X-" + i + "/verify");
            if (last.statusCode() == 429) {
                break;
            }
            allowed++;
        }
        assertEquals(429, last.statusCode());
        assertTrue(allowed >= 1 && allowed < 40, "allowed " + allowed);
        assertTrue(Integer.parseInt(last.header("Retry-After")) >= 1);
        assertEquals("rate-limited", last.jsonPath().getString("code"));
        // another client is not held back by the first one's empty bucket
        given().header("X-Forwarded-For", second).get("/api/credentials/X-1/verify").then().statusCode(200)
                .body("genuine", equalTo(false));
        // while the first one still is: its bucket refills slowly (a token every 2 s), so 429 again within a few calls
        boolean limitedAgain = false;
        for (int i = 0; i < 5 && !limitedAgain; i++) {
            limitedAgain = given().header("X-Forwarded-For", first).get("/api/credentials/X-1/verify")
                    .statusCode() == 429;
        }
        assertTrue(limitedAgain);
    }

    @Test
    void quotasAreSeenByTheProvinceTheClassesInstitutionAndUnitOfficersForTheirOwnUnits() {
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 10);
        Copies.classEvent("opened", cls);
        String classId = (String) cls.get("classId");
        for (String unit : List.of("HG.VT", "HG.CT")) {
            given().header("Authorization", Tokens.bearer("province-manager")).contentType(ContentType.JSON)
                    .body(Map.of("seats", 2)).put("/api/class-enrolments/" + classId + "/quotas/" + unit).then()
                    .statusCode(200);
        }
        Api.get("province-manager", "/api/class-enrolments/" + classId + "/quotas").then().statusCode(200)
                .body("size()", equalTo(2));
        Api.get("institution-staff", "/api/class-enrolments/" + classId + "/quotas").then().statusCode(200)
                .body("size()", equalTo(2));
        Api.get("unit-officer", "/api/class-enrolments/" + classId + "/quotas").then().statusCode(200)
                .body("orgUnitCode", equalTo(List.of("HG.VT")));
        Api.get("unit-officer-2", "/api/class-enrolments/" + classId + "/quotas").then().statusCode(200)
                .body("orgUnitCode", equalTo(List.of("HG.CT")));
        Api.get("staff", "/api/class-enrolments/" + classId + "/quotas").then().statusCode(403);

        Map<String, Object> other = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 10);
        other.put("institutionCode", "HVCTQG");
        Copies.classEvent("opened", other);
        Api.get("institution-staff", "/api/class-enrolments/" + other.get("classId") + "/quotas").then()
                .statusCode(403).body("code", equalTo("not-class-institution"));
    }

    @Test
    void aWithdrawalNeedsAReason() {
        Map<String, Object> person = Copies.person(UUID.randomUUID());
        Copies.person(person);
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 10);
        Copies.classEvent("opened", cls);
        String id = Api.nominated(UUID.fromString((String) person.get("personnelId")),
                UUID.fromString((String) cls.get("classId")));
        Api.post("unit-officer", "/api/enrolments/" + id + "/withdraw", Map.of()).then().statusCode(400)
                .body("code", equalTo("validation-failed")).body("errors[0].field", equalTo("reason"));
        Api.post("unit-officer", "/api/enrolments/" + id + "/withdraw", Map.of("reason", "  ")).then()
                .statusCode(400);
        Api.get("province-manager", "/api/enrolments/" + id).then().body("status", equalTo("NOMINATED"));
        Api.post("unit-officer", "/api/enrolments/" + id + "/withdraw",
                Map.of("reason", "Được cử đi công tác", "date", "2026-01-20")).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("reason", equalTo("Được cử đi công tác"))
                .body("withdrawnOn", equalTo("2026-01-20"));
    }

    @Test
    void aBulkNominationRetriedWithItsIdempotencyKeyIsNotSavedTwice() {
        List<Map<String, Object>> people = List.of(Copies.person(UUID.randomUUID()), Copies.person(UUID.randomUUID()));
        Copies.people(people);
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 10);
        Copies.classEvent("opened", cls);
        UUID classId = UUID.fromString((String) cls.get("classId"));
        List<Map<String, Object>> rows = people.stream()
                .map(p -> Api.nomination(UUID.fromString((String) p.get("personnelId")), classId)).toList();
        // the same person twice in one file: the second row is that row's refusal, the first is saved
        List<Map<String, Object>> withDuplicate = List.of(rows.get(0), rows.get(1), rows.get(0));
        String key = UUID.randomUUID().toString();

        JsonPath first = bulk(key, withDuplicate).then().statusCode(200).extract().jsonPath();
        assertEquals(2, first.getInt("created"));
        assertEquals(1, first.getInt("refused"));
        assertEquals(List.of(201, 201, 422), first.getList("results.status", Integer.class));
        assertEquals("already-enrolled", first.getString("results[2].code"));

        Response retry = bulk(key, withDuplicate);
        retry.then().statusCode(200).header("Idempotent-Replayed", "true");
        assertEquals(first.getList("results.enrolmentId"), retry.jsonPath().getList("results.enrolmentId"));
        Api.get("province-manager", "/api/enrolments?classId=" + classId).then().body("total", equalTo(2));
        // the same key for another body is refused
        bulk(key, List.of(rows.get(1))).then().statusCode(422).body("code", equalTo("idempotency-key-reused"));
    }

    @Test
    void concurrentBulkNominationsOfTheSamePersonGiveEachRowItsResultAndSaveThePersonOnce() throws Exception {
        Map<String, Object> shared = Copies.person(UUID.randomUUID());
        List<Map<String, Object>> own = IntStream.range(0, 6).mapToObj(i -> Copies.person(UUID.randomUUID())).toList();
        List<Map<String, Object>> everyone = new ArrayList<>(own);
        everyone.add(shared);
        Copies.people(everyone);
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 20);
        Copies.classEvent("opened", cls);
        UUID classId = UUID.fromString((String) cls.get("classId"));
        ObjectMapper json = new ObjectMapper();
        HttpClient http = HttpClient.newHttpClient();
        String token = Tokens.bearer("unit-officer");
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (Map<String, Object> person : own) {
            // each file: its own person first (saved), then the person every file nominates (at most one wins)
            List<Map<String, Object>> rows = List.of(
                    Api.nomination(UUID.fromString((String) person.get("personnelId")), classId),
                    Api.nomination(UUID.fromString((String) shared.get("personnelId")), classId));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                            + "/api/enrolments/bulk")).header("Authorization", token)
                    .header("Content-Type", "application/json").header("Accept-Language", "en")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("rows", rows)))).build();
            calls.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        int sharedSaved = 0;
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.get();
            assertEquals(200, response.statusCode(), response.body());
            JsonNode results = json.readTree(response.body()).path("results");
            assertEquals(201, results.get(0).path("status").asInt(), response.body());
            int status = results.get(1).path("status").asInt();
            if (status == 201) {
                sharedSaved++;
            } else {
                // refused by the rule (already enrolled) or, in a race, by the unique index: a row result either way
                assertTrue(status == 422 || status == 409, response.body());
                assertTrue(List.of("already-enrolled", "nomination-conflict")
                        .contains(results.get(1).path("code").asText()), response.body());
            }
        }
        assertEquals(1, sharedSaved);
        Api.get("province-manager", "/api/enrolments?classId=" + classId).then().body("total", equalTo(7));
    }

    private static Response bulk(String key, List<Map<String, Object>> rows) {
        return given().header("Authorization", Tokens.bearer("unit-officer")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(Map.of("rows", rows)).post("/api/enrolments/bulk");
    }
}

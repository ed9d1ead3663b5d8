package vn.gov.training.enrolment;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.testing.Tokens;

/** Approved seats never exceed the capacity, even under concurrent approvals; freed seats go to the waitlist. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class CapacityTest {

    @BeforeEach
    void units() {
        Copies.units();
    }

    @Test
    void fiftyConcurrentApprovalsForThirtySeatsLeaveThirtyApprovedAndTwentyWaitlisted() throws Exception {
        List<Map<String, Object>> people = IntStream.range(0, 50).mapToObj(i -> {
            Map<String, Object> p = Copies.person(UUID.randomUUID());
            p.put("fullName", "Trần Văn Học Viên " + i);
            return p;
        }).toList();
        Copies.people(people);
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 30);
        Copies.classEvent("opened", cls);
        String classId = (String) cls.get("classId");

        List<Map<String, Object>> rows = people.stream()
                .map(p -> Api.nomination(UUID.fromString((String) p.get("personnelId")), UUID.fromString(classId)))
                .toList();
        JsonPath bulk = Api.post("unit-officer", "/api/enrolments/bulk", Map.of("rows", rows)).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(50, bulk.getInt("created"));
        List<String> ids = bulk.getList("results.enrolmentId", String.class);

        HttpClient http = HttpClient.newHttpClient();
        String token = Tokens.bearer("province-manager");
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (String id : ids) {
            HttpRequest approve = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                            + "/api/enrolments/" + id + "/approve"))
                    .header("Authorization", token).POST(HttpRequest.BodyPublishers.noBody()).build();
            calls.add(http.sendAsync(approve, HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            assertEquals(200, call.get().statusCode(), call.get().body());
        }

        List<Map<String, Object>> enrolled = Api.get("province-manager", "/api/enrolments?size=100&classId=" + classId)
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertEquals(30, enrolled.stream().filter(e -> "APPROVED".equals(e.get("status"))).count());
        List<Map<String, Object>> waitlisted = enrolled.stream().filter(e -> "WAITLISTED".equals(e.get("status")))
                .sorted(Comparator.comparing(e -> ((Number) e.get("waitlistPosition")).longValue())).toList();
        assertEquals(20, waitlisted.size());
        assertEquals(List.of(1L, 20L), List.of(((Number) waitlisted.get(0).get("waitlistPosition")).longValue(),
                ((Number) waitlisted.get(19).get("waitlistPosition")).longValue()));

        // a withdrawal frees a seat: the first on the waitlist gets it
        String approvedId = (String) enrolled.stream().filter(e -> "APPROVED".equals(e.get("status"))).findFirst()
                .orElseThrow().get("id");
        String first = (String) waitlisted.get(0).get("id");
        Api.post("unit-officer", "/api/enrolments/" + approvedId + "/withdraw",
                Map.of("reason", "Ốm dài ngày")).then().statusCode(200);
        assertEquals("APPROVED", Api.get("province-manager", "/api/enrolments/" + first).then().statusCode(200)
                .extract().path("status"));
        assertEquals("WAITLISTED", Api.get("province-manager", "/api/enrolments/" + waitlisted.get(1).get("id"))
                .then().extract().path("status"));
        long approvedNow = Api.get("province-manager", "/api/enrolments?size=100&status=APPROVED&classId=" + classId)
                .then().extract().jsonPath().getLong("total");
        assertEquals(30, approvedNow);
    }

    @Test
    void aClassesNominationsApprovedAtOnceTakeTheSeatsInTheOrderGivenThenTheWaitlist() {
        List<Map<String, Object>> people = IntStream.range(0, 5).mapToObj(i -> Copies.person(UUID.randomUUID()))
                .toList();
        Copies.people(people);
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 3);
        Copies.classEvent("opened", cls);
        UUID classId = UUID.fromString((String) cls.get("classId"));
        List<String> ids = Api.post("unit-officer", "/api/enrolments/bulk", Map.of("rows", people.stream()
                        .map(p -> Api.nomination(UUID.fromString((String) p.get("personnelId")), classId)).toList()))
                .then().statusCode(200).extract().jsonPath().getList("results.enrolmentId", String.class);
        Map<String, Object> other = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 3);
        Copies.classEvent("opened", other);
        String ofAnotherClass = Api.nominated(UUID.fromString((String) people.get(0).get("personnelId")),
                UUID.fromString((String) other.get("classId")));
        List<String> asked = new ArrayList<>(ids);
        asked.add(ofAnotherClass);
        asked.add(ids.get(0));

        Api.post("unit-officer", "/api/class-enrolments/" + classId + "/approvals", Map.of("enrolmentIds", asked))
                .then().statusCode(403);
        Api.post("province-manager", "/api/class-enrolments/" + classId + "/approvals", Map.of("enrolmentIds", asked))
                .then().statusCode(200)
                .body("approved", equalTo(3)).body("waitlisted", equalTo(2)).body("refused", equalTo(2))
                .body("results.enrolmentId", equalTo(asked))
                .body("results.status", equalTo(List.of(200, 200, 200, 200, 200, 404, 409)))
                .body("results[0..4].enrolmentStatus",
                        equalTo(List.of("APPROVED", "APPROVED", "APPROVED", "WAITLISTED", "WAITLISTED")))
                .body("results[3..4].waitlistPosition", equalTo(List.of(1, 2)))
                .body("results[5..6].code", equalTo(List.of("enrolment-not-found", "enrolment-wrong-status")));
        // the one of the other class was left as it was
        Api.get("province-manager", "/api/enrolments/" + ofAnotherClass).then().statusCode(200)
                .body("status", equalTo("NOMINATED"));
    }

    @Test
    void aUnitQuotaWaitlistsTheUnitsExtraNominations() {
        List<Map<String, Object>> people = List.of(Copies.person(UUID.randomUUID()), Copies.person(UUID.randomUUID()));
        Copies.people(people);
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 10);
        Copies.classEvent("opened", cls);
        String classId = (String) cls.get("classId");
        io.restassured.RestAssured.given().header("Authorization", Tokens.bearer("province-manager"))
                .contentType("application/json").body(Map.of("seats", 1))
                .put("/api/class-enrolments/" + classId + "/quotas/HG.VT").then().statusCode(200);
        List<String> statuses = new ArrayList<>();
        for (Map<String, Object> p : people) {
            Map<String, Object> n = Api.nomination(UUID.fromString((String) p.get("personnelId")), UUID.fromString(classId));
            String id = Api.nominate("unit-officer", n).then().statusCode(201).extract().path("id");
            statuses.add(Api.post("institution-staff", "/api/enrolments/" + id + "/approve", Map.of()).then()
                    .statusCode(200).extract().path("status"));
        }
        assertEquals(List.of("APPROVED", "WAITLISTED"), statuses);
    }

    @Test
    void aQuotaForAUnitThatDoesNotExistOrAboveTheCapacityIsRefusedAndNothingIsSaved() {
        Map<String, Object> cls = Copies.cls(UUID.randomUUID(), Copies.program(UUID.randomUUID()), 10);
        Copies.classEvent("opened", cls);
        String classId = (String) cls.get("classId");
        io.restassured.RestAssured.given().header("Authorization", Tokens.bearer("province-manager"))
                .contentType("application/json").body(Map.of("seats", 11))
                .put("/api/class-enrolments/" + classId + "/quotas/HG.NOWHERE").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("validation-failed"))
                .body("errors.field", equalTo(List.of("unitCode", "seats")))
                .body("errors.code", equalTo(List.of("unit-unknown", "quota-above-capacity")))
                .body("errors[0].message", equalTo("Không có đơn vị mã HG.NOWHERE"))
                .body("errors[1].message", equalTo("Chỉ tiêu không được vượt sĩ số tối đa của lớp (10)"));
        io.restassured.RestAssured.given().header("Authorization", Tokens.bearer("province-manager"))
                .header("Accept-Language", "en").contentType("application/json").body(Map.of("seats", 11))
                .put("/api/class-enrolments/" + classId + "/quotas/HG.VT").then().statusCode(400)
                .body("errors[0].message", equalTo("The quota cannot exceed the class's capacity (10)"));
        Api.get("province-manager", "/api/class-enrolments/" + classId + "/quotas").then().statusCode(200)
                .body("size()", equalTo(0));
        // the capacity itself is a valid quota
        io.restassured.RestAssured.given().header("Authorization", Tokens.bearer("province-manager"))
                .contentType("application/json").body(Map.of("seats", 10))
                .put("/api/class-enrolments/" + classId + "/quotas/HG.VT").then().statusCode(200);
    }
}

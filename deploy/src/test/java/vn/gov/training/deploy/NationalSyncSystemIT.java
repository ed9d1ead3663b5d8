package vn.gov.training.deploy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import vn.gov.training.platform.testing.Poll;

/**
 * The sync with the national database, the whole flow over HTTP through the gateway to personnel-service and on to
 * the national-registry receiver that deploy/stack runs (tokens of the realm's national-sync client): a new person
 * accepted and the files equal; a file rejected for a missing rank, the person's later delivery waiting, the rank
 * entered and the delivery re-sent and accepted; the receiver stopped (a real outage) and the deliveries sent once
 * it is back; a delivery not accepted within 3 working days across the Giỗ Tổ compensatory day and 30/4-1/5 overdue,
 * with the sync's date set through its test-stack-only clock.
 */
class NationalSyncSystemIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final SecureRandom RANDOM = new SecureRandom();

    private static String registry() {
        return SystemStack.url("NATIONAL_REGISTRY_URL");
    }

    @AfterEach
    void registryUpAndClockBack() {
        SystemStack.run("up", "national-registry");
        given().post(registry() + "/control/up").then().statusCode(200);
        SystemData.as("admin").delete(SystemData.gateway() + "/api/national-sync/clock").then().statusCode(200);
    }

    private static Map<String, Object> person(String fullName, boolean withRank) {
        Map<String, Object> person = new HashMap<>();
        person.put("nationalId", "0930" + "90" + String.format("%06d", RANDOM.nextInt(1_000_000)));
        person.put("fullName", fullName);
        person.put("dateOfBirth", "1990-03-02");
        person.put("gender", "MALE");
        person.put("ethnicity", "Kinh");
        person.put("category", "CIVIL_SERVANT");
        person.put("orgUnitCode", "HG.VT");
        if (withRank) {
            person.put("rankCode", "SPECIALIST");
        }
        person.put("startedServiceOn", "2014-09-01");
        return person;
    }

    private static String register(Map<String, Object> person) {
        return SystemData.as("admin").body(person).post(SystemData.gateway() + "/api/personnel").then()
                .statusCode(201).extract().path("id");
    }

    private static List<Map<String, Object>> deliveries(String personId) {
        return SystemData.as("province-manager").queryParam("personnelId", personId)
                .get(SystemData.gateway() + "/api/national-sync/deliveries").then().statusCode(200).extract()
                .jsonPath().getList("items");
    }

    private static Map<String, Object> section(String personId, String section) {
        return deliveries(personId).stream().filter(d -> section.equals(d.get("section"))).findFirst().orElse(null);
    }

    private static Map<String, Object> until(String personId, String section, String status) {
        return Poll.until(DEADLINE, () -> section(personId, section), d -> d != null && status.equals(d.get("status")));
    }

    private static List<Object> mismatches(String personId) {
        return SystemData.as("admin").queryParam("personnelId", personId)
                .get(SystemData.gateway() + "/api/national-sync/reconciliation").then().statusCode(200).extract()
                .jsonPath().getList("mismatches");
    }

    /** The person's file as the national side holds it, read with the sync client's own token. */
    private static JsonPath nationalFile(String nationalId) {
        return given().header("Authorization", "Bearer " + SystemTokens.client("national-sync", "national-sync-dev-secret"))
                .get(registry() + "/api/v1/files/" + nationalId).then().statusCode(200).extract().jsonPath();
    }

    private static void clock(String today) {
        SystemData.as("admin").body(Map.of("today", today)).put(SystemData.gateway() + "/api/national-sync/clock")
                .then().statusCode(200).body("today", equalTo(today));
    }

    @Test
    void aNewPersonReachesTheNationalFile() {
        Map<String, Object> person = person("Lý Minh Nhựt", true);
        String id = register(person);
        Map<String, Object> accepted = until(id, "PERSON", "ACCEPTED");
        assertNotNull(accepted.get("receipt"));
        JsonPath file = nationalFile((String) person.get("nationalId"));
        assertEquals("Lý Minh Nhựt", file.getString("person.fullName"));
        assertEquals("SPECIALIST", file.getString("person.rank"));
        assertEquals("HG.VT", file.getString("person.agencyCode"));
        assertTrue(mismatches(id).isEmpty());
        // a training turn's level reaches the file too
        SystemData.as("admin").body(Map.of("kind", "DEFENCE_SECURITY", "level", "GROUP_3", "awardedOn", "2024-11-20",
                        "credentialNumber", "QPAN-2024-0311"))
                .post(SystemData.gateway() + "/api/personnel/" + id + "/qualifications").then().statusCode(201);
        until(id, "LEVEL", "ACCEPTED");
        assertTrue(mismatches(id).isEmpty());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRejectedFileIsCorrectedAndSentAgain() {
        String id = register(person("Tô Văn Hiếu", false));
        Map<String, Object> rejected = until(id, "PERSON", "REJECTED");
        Map<String, Object> reason = ((List<Map<String, Object>>) rejected.get("reasons")).get(0);
        assertEquals("person.rank", reason.get("field"));
        assertEquals("required-for-civil-servant", reason.get("code"));
        SystemData.as("province-manager").queryParam("status", "REJECTED")
                .get(SystemData.gateway() + "/api/national-sync/deliveries?size=200").then().statusCode(200);

        SystemData.as("admin").body(Map.of("kind", "POLITICAL_THEORY", "level", "INTERMEDIATE", "awardedOn",
                "2021-06-30", "credentialNumber", "TCLLCT-2021-1234"))
                .post(SystemData.gateway() + "/api/personnel/" + id + "/qualifications").then().statusCode(201);
        Map<String, Object> level = Poll.until(DEADLINE, () -> section(id, "LEVEL"), d -> d != null);
        assertEquals(rejected.get("id"), level.get("waitingFor"));
        assertEquals(0, level.get("attempts"));

        SystemData.as("admin").body(Map.of("rankCode", "SPECIALIST"))
                .patch(SystemData.gateway() + "/api/personnel/" + id).then().statusCode(200);
        SystemData.as("province-manager")
                .post(SystemData.gateway() + "/api/national-sync/deliveries/" + rejected.get("id") + "/resend")
                .then().statusCode(200).body("revision", equalTo(2));
        Poll.until(DEADLINE, () -> deliveries(id), all -> all.size() == 3
                && all.stream().allMatch(d -> "ACCEPTED".equals(d.get("status"))));
        assertTrue(mismatches(id).isEmpty());
    }

    @Test
    void anOutageIsRetriedOnceTheNationalSideIsBack() {
        SystemStack.run("down", "national-registry");
        String id = register(person("Thạch Thị Sa Rươne", true));
        Map<String, Object> waiting = Poll.until(DEADLINE, () -> section(id, "PERSON"),
                d -> d != null && ((Integer) d.get("attempts")) >= 2);
        assertNotEquals("ACCEPTED", waiting.get("status"));
        assertTrue(String.valueOf(waiting.get("lastError")).contains("ConnectException"), String.valueOf(waiting));
        SystemStack.run("up", "national-registry");
        until(id, "PERSON", "ACCEPTED");
        assertTrue(mismatches(id).isEmpty());
    }

    @Test
    void aDeliveryNotAcceptedInThreeWorkingDaysAcrossHolidaysIsOverdue() {
        clock("2026-04-24");
        given().post(registry() + "/control/down").then().statusCode(200);
        String id = register(person("Danh Sóc", true));
        Map<String, Object> d = Poll.until(DEADLINE, () -> section(id, "PERSON"), x -> x != null);
        assertEquals("2026-04-24", d.get("recordedOn"));
        // Friday 24/4 + 3 working days: Monday 27/4 (Giỗ Tổ fell on Sunday), 30/4 and 1/5 are days off
        assertEquals("2026-05-04", d.get("deadline"));

        clock("2026-05-05");
        until(id, "PERSON", "OVERDUE");
        SystemData.as("province-manager").queryParam("overdue", true).queryParam("size", 200)
                .get(SystemData.gateway() + "/api/national-sync/deliveries").then().statusCode(200)
                .body("items.personnelId", hasItem(id))
                .body("items.find { it.personnelId == '" + id + "' }.deadline", equalTo("2026-05-04"));

        given().post(registry() + "/control/up").then().statusCode(200);
        Map<String, Object> late = until(id, "PERSON", "ACCEPTED");
        assertEquals(true, late.get("overdue"));
        assertNotNull(late.get("overdueAt"));
    }
}

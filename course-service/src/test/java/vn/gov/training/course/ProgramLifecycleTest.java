package vn.gov.training.course;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.training.course.CourseFixtures.as;
import static vn.gov.training.course.CourseFixtures.concurrently;
import static vn.gov.training.course.CourseFixtures.createProgram;
import static vn.gov.training.course.CourseFixtures.eventsOf;
import static vn.gov.training.course.CourseFixtures.header;
import static vn.gov.training.course.CourseFixtures.program;
import static vn.gov.training.course.CourseFixtures.suffix;
import static vn.gov.training.course.CourseFixtures.types;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.testing.EventContract;

/** A programme from draft to retired: what each role sees, the versions, and the events on the broker. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ProgramLifecycleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void draftPublishReviseRetireWithEventsReadBackFromTheBroker() throws Exception {
        String code = "TCLLCT-" + suffix();
        String id = createProgram(program(code, "Trung cấp lý luận chính trị"));

        // a draft is the catalogue keepers' business only
        as("admin").get("/api/programs/" + id).then().statusCode(200).body("status", equalTo("DRAFT"))
                .body("version", equalTo(1));
        as("staff").get("/api/programs/" + id).then().statusCode(404).body("code", equalTo("program-not-found"));
        as("unit-officer").queryParam("code", code).get("/api/programs").then().statusCode(200)
                .body("total", equalTo(0));

        // a draft changes in place, without an event
        Map<String, Object> edited = program(code, "Trung cấp lý luận chính trị - hành chính");
        as("province-manager").body(edited).put("/api/programs/" + id).then().statusCode(200)
                .body("version", equalTo(1)).body("name", equalTo("Trung cấp lý luận chính trị - hành chính"));

        as("province-manager").post("/api/programs/" + id + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED"));
        as("staff").get("/api/programs/" + id).then().statusCode(200).body("status", equalTo("PUBLISHED"));

        // a change after publishing is a new version; the old one stays readable
        Map<String, Object> revised = program(code, "Trung cấp lý luận chính trị - hành chính");
        revised.put("periods", 1200);
        as("admin").body(revised).put("/api/programs/" + id).then().statusCode(200)
                .body("version", equalTo(2)).body("periods", equalTo(1200)).body("status", equalTo("PUBLISHED"));
        as("staff").get("/api/programs/" + id + "/versions").then().statusCode(200)
                .body("version", contains(1, 2)).body("periods", contains(1136, 1200));

        // illegal transitions name the allowed ones
        as("admin").post("/api/programs/" + id + "/publish").then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("program-transition-not-allowed"))
                .body("currentStatus", equalTo("PUBLISHED"))
                .body("allowed", contains("RETIRED"));

        as("admin").post("/api/programs/" + id + "/retire").then().statusCode(200).body("status", equalTo("RETIRED"));
        as("admin").post("/api/programs/" + id + "/retire").then().statusCode(409)
                .body("allowed", hasSize(0));
        as("admin").body(revised).put("/api/programs/" + id).then().statusCode(409)
                .body("code", equalTo("program-retired"));

        List<ConsumerRecord<String, String>> events = eventsOf(id, 3);
        assertEquals(List.of("vn.gov.training.program.published.v1", "vn.gov.training.program.revised.v1",
                "vn.gov.training.program.retired.v1"), types(events));
        for (ConsumerRecord<String, String> event : events) {
            EventContract.published().assertValid(event);
        }
        assertEquals("/training/course-service", header(events.get(0), "ce_source"));
        JsonNode published = JSON.readTree(events.get(0).value());
        assertEquals(1, published.get("version").asInt());
        assertEquals("POLITICAL_THEORY", published.get("category").asText());
        assertEquals("INTERMEDIATE", published.get("level").asText());
        assertEquals("POLITICAL_THEORY", published.at("/grantsLevel/kind").asText());
        assertEquals("SPECIALIST", published.at("/targetGroups/rankCodes/0").asText());
        assertEquals("BACHELOR", published.at("/prerequisites/0/level").asText());
        JsonNode revisedEvent = JSON.readTree(events.get(1).value());
        assertEquals(2, revisedEvent.get("version").asInt());
        assertEquals(1200, revisedEvent.get("periods").asInt());
        assertEquals("RETIRED", JSON.readTree(events.get(2).value()).get("status").asText());
    }

    @Test
    void onlyTheCatalogueKeepersWriteProgrammes() {
        as("unit-officer").body(program("X-" + suffix(), "Chương trình thử")).post("/api/programs")
                .then().statusCode(403).body("code", equalTo("forbidden"));
        as("institution-staff").body(program("X-" + suffix(), "Chương trình thử")).post("/api/programs")
                .then().statusCode(403);
    }

    @Test
    void aDuplicateCodeIsAConflict() {
        String code = "DUP-" + suffix();
        String id = createProgram(program(code, "Chương trình trùng mã"));
        as("admin").body(program(code, "Chương trình trùng mã")).post("/api/programs").then().statusCode(409)
                .body("code", equalTo("program-exists")).body("existingId", equalTo(id));
    }

    @Test
    void theLevelMustMeanSomethingForTheCategory() {
        Map<String, Object> body = program("LV-" + suffix(), "Bồi dưỡng lãnh đạo cấp phòng");
        body.put("category", "LEADERSHIP");
        body.put("level", "INTERMEDIATE");
        as("admin").body(body).post("/api/programs").then().statusCode(400)
                .body("errors.field", hasItem("level"))
                .body("errors.find { it.field == 'level' }.code", equalTo("level-not-for-category"))
                .body("errors.find { it.field == 'level' }.message",
                        equalTo("Trình độ không phù hợp với nhóm LEADERSHIP; chọn một trong: DIVISION, DEPARTMENT"));
        body.put("level", null);
        body.put("grantsLevel", Map.of("kind", "LEADERSHIP", "level", "GROUP_3"));
        as("admin").header("Accept-Language", "en").body(body).post("/api/programs").then().statusCode(400)
                .body("title", equalTo("Invalid data"))
                .body("errors.find { it.field == 'level' }.message",
                        equalTo("A LEADERSHIP programme needs a level (DIVISION, DEPARTMENT)"))
                .body("errors.find { it.field == 'grantsLevel.level' }.code",
                        equalTo("unknown-qualification-level"));
        body.put("level", "DIVISION");
        body.put("grantsLevel", Map.of("kind", "LEADERSHIP", "level", "DIVISION"));
        as("admin").body(body).post("/api/programs").then().statusCode(201).body("level", equalTo("DIVISION"));
    }

    @Test
    void unknownRanksAndTiersAndEmptyTargetEntriesAreFieldErrors() {
        String code = "RK-" + suffix();
        Map<String, Object> body = program(code, "Bồi dưỡng ngạch chuyên viên chính");
        body.put("requiredRankCodes", List.of("SPECIALIST", "CHIEF_SPECIALIST"));
        Map<String, Object> groups = new HashMap<>();
        groups.put("rankCodes", List.of("OFFICER", "GENERAL"));
        groups.put("managementTiers", List.of("PROVINCIAL_STANDING_COMMITTEE", "VILLAGE_ELDERS"));
        groups.put("titleCodes", Arrays.asList("TRUONG_PHONG", null));
        groups.put("categories", Arrays.asList(null, "CADRE"));
        body.put("targetGroups", groups);
        as("admin").header("Accept-Language", "en").body(body).post("/api/programs").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("requiredRankCodes[1]", "targetGroups.rankCodes[1]",
                        "targetGroups.managementTiers[1]", "targetGroups.titleCodes[1]",
                        "targetGroups.categories[0]"))
                .body("errors.find { it.field == 'targetGroups.rankCodes[1]' }.message",
                        equalTo("Unknown value: GENERAL"))
                .body("errors.find { it.field == 'targetGroups.titleCodes[1]' }.code", equalTo("required"));
        as("admin").queryParam("code", code).get("/api/programs").then().body("total", equalTo(0));

        body.put("requiredRankCodes", List.of("SPECIALIST"));
        body.put("targetGroups", Map.of("rankCodes", List.of("PRINCIPAL_SPECIALIST", "SENIOR_SPECIALIST"),
                "managementTiers", List.of("PROVINCIAL_STANDING_COMMITTEE", "DISTRICT_STANDING_COMMITTEE")));
        as("admin").body(body).post("/api/programs").then().statusCode(201)
                .body("targetGroups.rankCodes", contains("PRINCIPAL_SPECIALIST", "SENIOR_SPECIALIST"))
                .body("targetGroups.managementTiers", contains("PROVINCIAL_STANDING_COMMITTEE",
                        "DISTRICT_STANDING_COMMITTEE"))
                .body("requiredRankCodes", contains("SPECIALIST"));
    }

    @Test
    void resendingAPublishedProgrammeUnchangedAddsNoVersionAndNoEvent() throws Exception {
        String code = "ID-" + suffix();
        Map<String, Object> body = program(code, "Bồi dưỡng cập nhật kiến thức");
        String id = createProgram(body);
        as("admin").post("/api/programs/" + id + "/publish").then().statusCode(200);

        as("admin").body(body).put("/api/programs/" + id).then().statusCode(200).body("version", equalTo(1));
        as("admin").body(body).put("/api/programs/" + id).then().statusCode(200).body("version", equalTo(1));
        body.put("days", 150);
        as("admin").body(body).put("/api/programs/" + id).then().statusCode(200).body("version", equalTo(2));
        as("admin").get("/api/programs/" + id + "/versions").then().body("version", contains(1, 2));

        // had the unchanged PUTs published, their events would come before the revision's
        List<ConsumerRecord<String, String>> events = eventsOf(id, 2);
        assertEquals(List.of("vn.gov.training.program.published.v1", "vn.gov.training.program.revised.v1"),
                types(events));
        assertEquals(150, JSON.readTree(events.get(1).value()).get("days").asInt());
    }

    @Test
    void concurrentChangesOfOneProgrammeAreConflictsNotServerErrors() throws Exception {
        String code = "CC-" + suffix();
        String id = createProgram(program(code, "Bồi dưỡng sửa đồng thời"));
        as("admin").post("/api/programs/" + id + "/publish").then().statusCode(200);

        List<Response> responses = concurrently(4, n -> {
            Map<String, Object> body = program(code, "Bồi dưỡng sửa đồng thời");
            body.put("periods", 1000 + n);
            return as("admin").body(body).put("/api/programs/" + id);
        });
        long changed = responses.stream().filter(r -> r.statusCode() == 200).count();
        for (Response response : responses) {
            assertTrue(response.statusCode() == 200 || response.statusCode() == 409, response.asString());
            if (response.statusCode() == 409) {
                assertEquals("concurrent-modification", response.jsonPath().getString("code"));
            }
        }
        assertTrue(changed >= 1);
        // every accepted change is one version, none lost or doubled
        List<Integer> versions = as("admin").get("/api/programs/" + id + "/versions").jsonPath().getList("version");
        assertEquals(1 + changed, versions.size());
    }

    @Test
    void concurrentCreatesWithOneCodeMakeOneProgrammeAndConflicts() throws Exception {
        String code = "CD-" + suffix();
        List<Response> responses = concurrently(4,
                n -> as("admin").body(program(code, "Bồi dưỡng tạo đồng thời")).post("/api/programs"));
        assertEquals(1, responses.stream().filter(r -> r.statusCode() == 201).count());
        for (Response response : responses) {
            if (response.statusCode() != 201) {
                assertEquals(409, response.statusCode(), response.asString());
                assertTrue(List.of("program-exists", "duplicate-record")
                        .contains(response.jsonPath().getString("code")), response.asString());
            }
        }
        as("admin").queryParam("code", code).get("/api/programs").then().body("total", equalTo(1));
    }
}

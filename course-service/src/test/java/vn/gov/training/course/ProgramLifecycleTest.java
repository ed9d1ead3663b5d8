package vn.gov.training.course;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.gov.training.course.CourseFixtures.as;
import static vn.gov.training.course.CourseFixtures.createProgram;
import static vn.gov.training.course.CourseFixtures.eventsOf;
import static vn.gov.training.course.CourseFixtures.header;
import static vn.gov.training.course.CourseFixtures.program;
import static vn.gov.training.course.CourseFixtures.suffix;
import static vn.gov.training.course.CourseFixtures.types;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.gov.training.platform.testing.RealInfrastructure;

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
            CourseEventSchema.assertValid(event.value());
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
}

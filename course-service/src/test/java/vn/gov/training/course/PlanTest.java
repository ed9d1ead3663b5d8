package vn.gov.training.course;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.gov.training.course.CourseFixtures.as;
import static vn.gov.training.course.CourseFixtures.eventsOf;
import static vn.gov.training.course.CourseFixtures.types;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.testing.EventContract;

/** The annual plan: drafted by the unit, approved by the province, published as plan.approved. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class PlanTest {

    @BeforeEach
    void baseData() {
        CourseFixtures.ensureBaseData();
    }

    @Test
    void aUnitDraftsItsPlanAndTheProvinceApprovesIt() throws Exception {
        // a year of its own per run: a plan is unique per year and unit
        int year = ThreadLocalRandom.current().nextInt(2030, 2100);
        Map<String, Object> body = Map.of("year", year, "orgUnitCode", "HG.VT.P1", "items", List.of(
                Map.of("category", "POLITICAL_THEORY", "level", "INTERMEDIATE", "plannedClasses", 2,
                        "targetLearners", 120),
                Map.of("category", "DIGITAL_SKILLS", "plannedClasses", 1, "targetLearners", 40)));
        String id = as("unit-officer").body(body).post("/api/plans").then().statusCode(201)
                .body("status", equalTo("DRAFT")).extract().path("id");
        as("unit-officer").body(body).post("/api/plans").then().statusCode(409).body("code", equalTo("plan-exists"));
        as("unit-officer-2").get("/api/plans/" + id).then().statusCode(404);
        as("unit-officer-2").body(Map.of("year", year, "orgUnitCode", "HG.VT", "items", List.of()))
                .post("/api/plans").then().statusCode(403);

        as("unit-officer").post("/api/plans/" + id + "/approve").then().statusCode(403);
        as("province-manager").post("/api/plans/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("approvedBy", equalTo("province-manager"));
        as("unit-officer").body(body).put("/api/plans/" + id).then().statusCode(409)
                .body("code", equalTo("plan-not-draft"));
        as("unit-officer").queryParam("year", year).get("/api/plans").then().body("items.id", hasItem(id));
        as("unit-officer-2").queryParam("year", year).get("/api/plans").then().body("total", equalTo(0));

        List<ConsumerRecord<String, String>> events = eventsOf(id, 1);
        assertEquals(List.of("vn.gov.training.plan.approved.v1"), types(events));
        for (ConsumerRecord<String, String> event : events) {
            EventContract.published().assertValid(event);
        }
        JsonNode data = new ObjectMapper().readTree(events.get(0).value());
        assertEquals(year, data.get("year").asInt());
        assertEquals("HG.VT.P1", data.get("orgUnitCode").asText());
        assertEquals(120, data.at("/items/0/targetLearners").asInt());
    }

    @Test
    void planLinesNeedLevelsOfTheirCategory() {
        as("admin").header("Accept-Language", "en").body(Map.of("year", 2027, "orgUnitCode", "HG", "items",
                        List.of(Map.of("category", "LEADERSHIP", "level", "GROUP_3", "plannedClasses", -1,
                                "targetLearners", 10))))
                .post("/api/plans").then().statusCode(400).body("errors.field", hasItem("items[0].plannedClasses"));
        as("admin").header("Accept-Language", "en").body(Map.of("year", 2027, "orgUnitCode", "HG", "items",
                        List.of(Map.of("category", "LEADERSHIP", "level", "GROUP_3", "plannedClasses", 1,
                                "targetLearners", 10))))
                .post("/api/plans").then().statusCode(400)
                .body("errors[0].field", equalTo("items[0].level"));
    }

    @Test
    void aPlanWithoutLinesIsRefusedAndNothingIsSaved() {
        // other tests (and earlier runs on the same stack) may hold a plan for any year: compare before and after
        int year = ThreadLocalRandom.current().nextInt(2030, 2100);
        int before = as("unit-officer").queryParam("year", year).get("/api/plans").then().statusCode(200)
                .extract().path("total");
        as("unit-officer").body(Map.of("year", year, "orgUnitCode", "HG.VT.P1", "items", List.of()))
                .post("/api/plans").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("validation-failed"))
                .body("errors[0].field", equalTo("items")).body("errors[0].code", equalTo("plan-items-required"))
                .body("errors[0].message", equalTo("Kế hoạch phải có ít nhất một dòng"));
        as("unit-officer").queryParam("year", year).get("/api/plans").then().body("total", equalTo(before));
    }

    @Test
    void anOutOfScopeUnitIsForbiddenBeforeTheBodyIsChecked() {
        // a unit that does not exist and a line that is wrong: still 403, the caller learns no code
        as("unit-officer-2").body(Map.of("year", 2031, "orgUnitCode", "HG.NOWHERE", "items",
                        List.of(Map.of("category", "LEADERSHIP", "level", "GROUP_3", "plannedClasses", 1,
                                "targetLearners", 10))))
                .post("/api/plans").then().statusCode(403).body("code", equalTo("unit-out-of-scope"));
    }

    @Test
    void aDissolvedUnitGetsNoNewPlan() {
        String gone = CourseFixtures.dissolvedUnit();
        as("admin").header("Accept-Language", "en").body(Map.of("year", 2031, "orgUnitCode", gone, "items",
                        List.of(Map.of("category", "DIGITAL_SKILLS", "plannedClasses", 1, "targetLearners", 10))))
                .post("/api/plans").then().statusCode(400)
                .body("errors.find { it.field == 'orgUnitCode' }.code", equalTo("unit-dissolved"));
        as("admin").queryParam("year", 2031).queryParam("unit", gone).get("/api/plans").then().statusCode(200)
                .body("total", equalTo(0));
    }
}

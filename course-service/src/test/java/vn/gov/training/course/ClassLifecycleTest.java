package vn.gov.training.course;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.training.course.CourseFixtures.as;
import static vn.gov.training.course.CourseFixtures.classBody;
import static vn.gov.training.course.CourseFixtures.eventsOf;
import static vn.gov.training.course.CourseFixtures.program;
import static vn.gov.training.course.CourseFixtures.publishedProgram;
import static vn.gov.training.course.CourseFixtures.scheduleClass;
import static vn.gov.training.course.CourseFixtures.suffix;
import static vn.gov.training.course.CourseFixtures.types;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.gov.training.platform.testing.RealInfrastructure;

/** A class from planned to completed or cancelled, pinned to its programme version, with its events. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ClassLifecycleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void baseData() {
        CourseFixtures.ensureBaseData();
    }

    @Test
    void plannedOpenInProgressCompletedWithEventsAndIllegalTransitions() throws Exception {
        String programId = publishedProgram("TC-" + suffix(), "Trung cấp lý luận chính trị");
        String code = "L-" + suffix();
        String id = scheduleClass("province-manager", classBody(code, programId, LocalDate.now().plusDays(40)));

        as("staff").get("/api/classes/" + id).then().statusCode(200)
                .body("status", equalTo("PLANNED")).body("program.version", equalTo(1))
                .body("program.name", equalTo("Trung cấp lý luận chính trị"))
                .body("funding.source", contains("STATE_BUDGET", "UNIT"))
                .body("sessions", org.hamcrest.Matchers.hasSize(2));

        as("admin").post("/api/classes/" + id + "/complete").then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("class-transition-not-allowed"))
                .body("currentStatus", equalTo("PLANNED"))
                .body("allowed", contains("OPEN", "CANCELLED"))
                .body("detail", equalTo("Lớp " + code + " đang ở trạng thái PLANNED, không thể chuyển sang COMPLETED."));

        as("admin").post("/api/classes/" + id + "/open").then().statusCode(200).body("status", equalTo("OPEN"));
        as("admin").post("/api/classes/" + id + "/open").then().statusCode(409)
                .body("allowed", contains("IN_PROGRESS", "CANCELLED"));
        as("admin").post("/api/classes/" + id + "/start").then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
        as("admin").post("/api/classes/" + id + "/complete").then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
        as("admin").body(Map.of("reason", "Thử hủy")).post("/api/classes/" + id + "/cancel").then().statusCode(409)
                .body("allowed", org.hamcrest.Matchers.empty());
        as("admin").body(classBody(code, programId, LocalDate.now().plusDays(40))).put("/api/classes/" + id)
                .then().statusCode(409).body("code", equalTo("class-not-editable"));

        List<ConsumerRecord<String, String>> events = eventsOf(id, 4);
        assertEquals(List.of("vn.gov.training.class.scheduled.v1", "vn.gov.training.class.opened.v1",
                "vn.gov.training.class.started.v1", "vn.gov.training.class.completed.v1"), types(events));
        for (ConsumerRecord<String, String> event : events) {
            CourseEventSchema.assertValid(event.value());
        }
        JsonNode scheduled = JSON.readTree(events.get(0).value());
        // the schema is not vacuous: a status outside the contract breaks it
        assertTrue(!CourseEventSchema.errorsOf(events.get(0).value().replace("\"PLANNED\"", "\"PAUSED\"")).isEmpty());
        assertEquals(code, scheduled.get("code").asText());
        assertEquals("PLANNED", scheduled.get("status").asText());
        assertEquals(programId, scheduled.at("/program/programId").asText());
        assertEquals("POLITICAL_THEORY", scheduled.at("/program/category").asText());
        assertEquals(1, scheduled.at("/program/version").asInt());
        assertEquals(3_500_000, scheduled.get("costPerLearnerVnd").asLong());
        assertEquals(70, scheduled.at("/funding/0/percent").asInt());
        assertEquals("HG.VT", scheduled.get("organisingUnitCode").asText());
        assertEquals("DOMESTIC", scheduled.get("location").asText());
        assertEquals(2, scheduled.get("sessions").size());
        assertTrue(scheduled.at("/sessions/0/sessionId").asText().length() == 36);
        assertEquals("COMPLETED", JSON.readTree(events.get(3).value()).get("status").asText());
    }

    @Test
    void aClassKeepsTheProgrammeVersionItWasScheduledWith() throws Exception {
        String code = "QLNN-" + suffix();
        String programId = publishedProgram(code, "Bồi dưỡng kiến thức quản lý nhà nước");
        String first = scheduleClass("admin", classBody("L1-" + suffix(), programId, LocalDate.now().plusDays(60)));

        Map<String, Object> revised = program(code, "Bồi dưỡng kiến thức quản lý nhà nước (2026)");
        revised.put("periods", 1000);
        as("admin").body(revised).put("/api/programs/" + programId).then().statusCode(200)
                .body("version", equalTo(2));

        String second = scheduleClass("admin", classBody("L2-" + suffix(), programId, LocalDate.now().plusDays(90)));
        as("staff").get("/api/classes/" + first).then().body("program.version", equalTo(1))
                .body("program.periods", equalTo(1136));
        as("staff").get("/api/classes/" + second).then().body("program.version", equalTo(2))
                .body("program.name", equalTo("Bồi dưỡng kiến thức quản lý nhà nước (2026)"));

        // a later change of the first class still carries version 1
        Map<String, Object> changed = classBody(null, null, LocalDate.now().plusDays(60));
        changed.put("capacity", 80);
        as("admin").body(changed).put("/api/classes/" + first).then().statusCode(200)
                .body("capacity", equalTo(80)).body("program.version", equalTo(1));
        List<ConsumerRecord<String, String>> events = eventsOf(first, 2);
        assertEquals("vn.gov.training.class.changed.v1", types(events).get(1));
        JsonNode changedEvent = JSON.readTree(events.get(1).value());
        assertEquals(1, changedEvent.at("/program/version").asInt());
        assertEquals(80, changedEvent.get("capacity").asInt());
    }

    @Test
    void cancellingNeedsAReasonAndCarriesIt() throws Exception {
        String programId = publishedProgram("HUY-" + suffix(), "Bồi dưỡng kỹ năng số");
        String id = scheduleClass("admin", classBody("LH-" + suffix(), programId, LocalDate.now().plusDays(20)));
        as("admin").body(Map.of()).post("/api/classes/" + id + "/cancel").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        as("admin").body(Map.of("reason", "Không đủ học viên đăng ký")).post("/api/classes/" + id + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("cancelReason", equalTo("Không đủ học viên đăng ký"));
        List<ConsumerRecord<String, String>> events = eventsOf(id, 2);
        assertEquals("vn.gov.training.class.cancelled.v1", types(events).get(1));
        assertEquals("Không đủ học viên đăng ký", JSON.readTree(events.get(1).value()).get("cancelReason").asText());
    }

    @Test
    void listsFilterByProgrammeStatusPeriodAndOpenRegistration() {
        String programId = publishedProgram("LS-" + suffix(), "Tiếng Anh B1");
        Map<String, Object> openNow = classBody("LO-" + suffix(), programId, LocalDate.now().plusDays(10));
        openNow.put("registrationOpensOn", LocalDate.now().minusDays(5).toString());
        String open = scheduleClass("admin", openNow);
        as("admin").post("/api/classes/" + open + "/open").then().statusCode(200)
                .body("openForRegistration", equalTo(true));
        String planned = scheduleClass("admin", classBody("LP-" + suffix(), programId, LocalDate.now().plusDays(200)));

        as("staff").queryParam("program", programId).get("/api/classes").then().statusCode(200)
                .body("total", equalTo(2));
        as("staff").queryParam("program", programId).queryParam("openForRegistration", true).get("/api/classes")
                .then().body("total", equalTo(1)).body("items[0].id", equalTo(open));
        as("staff").queryParam("program", programId).queryParam("status", "PLANNED").get("/api/classes")
                .then().body("items.id", contains(planned));
        as("staff").queryParam("program", programId).queryParam("from", LocalDate.now().plusDays(150).toString())
                .get("/api/classes").then().body("items.id", contains(planned));
        as("staff").queryParam("program", programId).queryParam("unit", "HG").queryParam("institution", "TCT-HG")
                .queryParam("category", "POLITICAL_THEORY").queryParam("size", 1).get("/api/classes")
                .then().body("total", equalTo(2)).body("items", org.hamcrest.Matchers.hasSize(1));
        as("staff").queryParam("status", "SOMETHING").get("/api/classes").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }
}

package vn.gov.training.course;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.training.course.CourseFixtures.as;
import static vn.gov.training.course.CourseFixtures.classBody;
import static vn.gov.training.course.CourseFixtures.concurrently;
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
import io.restassured.response.Response;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.time.ProvinceTime;
import vn.gov.training.platform.testing.EventContract;

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
        // starting today: a class starts on its start date, not before
        String id = scheduleClass("province-manager", classBody(code, programId, ProvinceTime.today()));

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
        as("admin").body(classBody(code, programId, ProvinceTime.today().plusDays(40))).put("/api/classes/" + id)
                .then().statusCode(409).body("code", equalTo("class-not-editable"));

        List<ConsumerRecord<String, String>> events = eventsOf(id, 4);
        assertEquals(List.of("vn.gov.training.class.scheduled.v1", "vn.gov.training.class.opened.v1",
                "vn.gov.training.class.started.v1", "vn.gov.training.class.completed.v1"), types(events));
        for (ConsumerRecord<String, String> event : events) {
            EventContract.published().assertValid(event);
        }
        JsonNode scheduled = JSON.readTree(events.get(0).value());
        // the schema is not vacuous: a status outside the contract breaks it
        assertTrue(!EventContract.published().errorsOf("course", "vn.gov.training.class.scheduled.v1",
                events.get(0).value().replace("\"PLANNED\"", "\"PAUSED\"")).isEmpty());
        assertEquals(code, scheduled.get("code").asText());
        assertEquals("PLANNED", scheduled.get("status").asText());
        assertEquals(programId, scheduled.at("/program/programId").asText());
        assertEquals("POLITICAL_THEORY", scheduled.at("/program/category").asText());
        assertEquals(1, scheduled.at("/program/version").asInt());
        assertEquals(3_500_000, scheduled.get("costPerLearnerVnd").asLong());
        assertEquals(70, scheduled.at("/funding/0/percent").asInt());
        assertEquals("HG.VT", scheduled.get("organisingUnitCode").asText());
        // the institution by code and by name (enrolment-service passes both on to the national file)
        assertEquals("TCT-HG", scheduled.get("institutionCode").asText());
        assertEquals(as("admin").get("/api/institutions/TCT-HG").then().statusCode(200).extract().path("name"),
                scheduled.get("institutionName").asText());
        assertEquals("DOMESTIC", scheduled.get("location").asText());
        assertEquals(2, scheduled.get("sessions").size());
        assertTrue(scheduled.at("/sessions/0/sessionId").asText().length() == 36);
        assertEquals("COMPLETED", JSON.readTree(events.get(3).value()).get("status").asText());
    }

    @Test
    void aClassKeepsTheProgrammeVersionItWasScheduledWith() throws Exception {
        String code = "QLNN-" + suffix();
        String programId = publishedProgram(code, "Bồi dưỡng kiến thức quản lý nhà nước");
        String first = scheduleClass("admin", classBody("L1-" + suffix(), programId, ProvinceTime.today().plusDays(60)));

        Map<String, Object> revised = program(code, "Bồi dưỡng kiến thức quản lý nhà nước (2026)");
        revised.put("periods", 1000);
        as("admin").body(revised).put("/api/programs/" + programId).then().statusCode(200)
                .body("version", equalTo(2));

        String second = scheduleClass("admin", classBody("L2-" + suffix(), programId, ProvinceTime.today().plusDays(90)));
        as("staff").get("/api/classes/" + first).then().body("program.version", equalTo(1))
                .body("program.periods", equalTo(1136));
        as("staff").get("/api/classes/" + second).then().body("program.version", equalTo(2))
                .body("program.name", equalTo("Bồi dưỡng kiến thức quản lý nhà nước (2026)"));
        // a page of classes carries each one's own version (loaded for the whole page at once)
        as("staff").queryParam("program", programId).get("/api/classes").then().statusCode(200)
                .body("items.find { it.id == '" + first + "' }.program.version", equalTo(1))
                .body("items.find { it.id == '" + first + "' }.program.periods", equalTo(1136))
                .body("items.find { it.id == '" + second + "' }.program.version", equalTo(2))
                .body("items.find { it.id == '" + second + "' }.program.periods", equalTo(1000));

        // a later change of the first class still carries version 1
        Map<String, Object> changed = classBody(null, null, ProvinceTime.today().plusDays(60));
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
        String id = scheduleClass("admin", classBody("LH-" + suffix(), programId, ProvinceTime.today().plusDays(20)));
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
        Map<String, Object> openNow = classBody("LO-" + suffix(), programId, ProvinceTime.today().plusDays(10));
        openNow.put("registrationOpensOn", ProvinceTime.today().minusDays(5).toString());
        String open = scheduleClass("admin", openNow);
        as("admin").post("/api/classes/" + open + "/open").then().statusCode(200)
                .body("openForRegistration", equalTo(true));
        String planned = scheduleClass("admin", classBody("LP-" + suffix(), programId, ProvinceTime.today().plusDays(200)));

        as("staff").queryParam("program", programId).get("/api/classes").then().statusCode(200)
                .body("total", equalTo(2));
        as("staff").queryParam("program", programId).queryParam("openForRegistration", true).get("/api/classes")
                .then().body("total", equalTo(1)).body("items[0].id", equalTo(open));
        as("staff").queryParam("program", programId).queryParam("status", "PLANNED").get("/api/classes")
                .then().body("items.id", contains(planned));
        as("staff").queryParam("program", programId).queryParam("from", ProvinceTime.today().plusDays(150).toString())
                .get("/api/classes").then().body("items.id", contains(planned));
        as("staff").queryParam("program", programId).queryParam("unit", "HG").queryParam("institution", "TCT-HG")
                .queryParam("category", "POLITICAL_THEORY").queryParam("size", 1).get("/api/classes")
                .then().body("total", equalTo(2)).body("items", org.hamcrest.Matchers.hasSize(1));
        as("staff").queryParam("status", "SOMETHING").get("/api/classes").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void anUnchangedPutIsNoRevisionAndLeavingOutSessionsKeepsThem() throws Exception {
        String programId = publishedProgram("KS-" + suffix(), "Bồi dưỡng kỹ năng soạn thảo văn bản");
        LocalDate start = ProvinceTime.today();
        String id = scheduleClass("admin", classBody("LK-" + suffix(), programId, start));
        List<String> sessionIds = as("admin").get("/api/classes/" + id).jsonPath().getList("sessions.sessionId");
        int revision = as("admin").get("/api/classes/" + id).jsonPath().getInt("revision");

        // the same details without sessions: nothing changes, the sessions stay
        Map<String, Object> same = classBody(null, null, start);
        same.remove("sessions");
        as("admin").body(same).put("/api/classes/" + id).then().statusCode(200)
                .body("revision", equalTo(revision)).body("sessions.sessionId", equalTo(sessionIds));

        Map<String, Object> bigger = classBody(null, null, start);
        bigger.remove("sessions");
        bigger.put("capacity", 90);
        as("admin").body(bigger).put("/api/classes/" + id).then().statusCode(200)
                .body("revision", equalTo(revision + 1)).body("capacity", equalTo(90))
                .body("sessions.sessionId", equalTo(sessionIds));
        as("admin").body(bigger).put("/api/classes/" + id).then().statusCode(200)
                .body("revision", equalTo(revision + 1));

        // kept sessions must still fit the class's new dates
        Map<String, Object> moved = classBody(null, null, start.plusDays(20));
        moved.remove("sessions");
        moved.put("capacity", 90);
        as("admin").body(moved).put("/api/classes/" + id).then().statusCode(400)
                .body("errors.field", hasItem("startDate"))
                .body("errors.find { it.field == 'startDate' }.code", equalTo("kept-session-outside-class"));

        // once it runs, attendance may exist: its sessions cannot all be removed
        as("admin").post("/api/classes/" + id + "/open").then().statusCode(200);
        as("admin").post("/api/classes/" + id + "/start").then().statusCode(200);
        Map<String, Object> noSessions = classBody(null, null, start);
        noSessions.put("capacity", 90);
        noSessions.put("sessions", List.of());
        as("admin").header("Accept-Language", "en").body(noSessions).put("/api/classes/" + id).then()
                .statusCode(400).body("errors.find { it.field == 'sessions' }.code", equalTo("sessions-in-use"));
        as("admin").get("/api/classes/" + id).then().body("sessions.sessionId", equalTo(sessionIds));

        // the unchanged PUTs published nothing: their events would come before the later ones
        List<ConsumerRecord<String, String>> events = eventsOf(id, 4);
        assertEquals(List.of("vn.gov.training.class.scheduled.v1", "vn.gov.training.class.changed.v1",
                "vn.gov.training.class.opened.v1", "vn.gov.training.class.started.v1"), types(events));
        assertEquals(2, JSON.readTree(events.get(1).value()).get("sessions").size());
    }

    @Test
    void aClassStartsOnItsStartDateAndIsCompletedAfterItUnlessRescheduledFirst() {
        String programId = publishedProgram("KD-" + suffix(), "Bồi dưỡng kỹ năng lãnh đạo");
        LocalDate today = ProvinceTime.today();
        String id = scheduleClass("admin", classBody("LD-" + suffix(), programId, today.plusDays(10)));
        as("admin").post("/api/classes/" + id + "/open").then().statusCode(200);
        as("admin").post("/api/classes/" + id + "/start").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("validation-failed"))
                .body("errors[0].field", equalTo("startDate")).body("errors[0].code", equalTo("class-starts-later"))
                .body("errors[0].message", equalTo("Lớp khai giảng ngày " + vi(today.plusDays(10))
                        + ", chưa đến ngày (hôm nay " + vi(today)
                        + "); nếu lớp khai giảng sớm hơn, hãy dời lịch lớp trước"));
        as("admin").get("/api/classes/" + id).then().body("status", equalTo("OPEN"));

        // it really begins today: reschedule (an audited change), then start
        as("admin").body(classBody(null, null, today)).put("/api/classes/" + id).then().statusCode(200);
        as("admin").post("/api/classes/" + id + "/start").then().statusCode(200).body("status", equalTo("IN_PROGRESS"));

        // moved to next week while running: it cannot be completed before it starts
        as("admin").body(classBody(null, null, today.plusDays(7))).put("/api/classes/" + id).then().statusCode(200);
        as("admin").header("Accept-Language", "en").post("/api/classes/" + id + "/complete").then().statusCode(400)
                .body("errors[0].field", equalTo("startDate"))
                .body("errors[0].code", equalTo("class-completed-before-start"));
        as("admin").get("/api/classes/" + id).then().body("status", equalTo("IN_PROGRESS"));
        as("admin").body(classBody(null, null, today.minusDays(1))).put("/api/classes/" + id).then().statusCode(200);
        as("admin").post("/api/classes/" + id + "/complete").then().statusCode(200).body("status", equalTo("COMPLETED"));
    }

    private static String vi(LocalDate date) {
        return String.format("%02d/%02d/%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    @Test
    void concurrentChangesOfOneClassAreConflictsNotServerErrors() throws Exception {
        String programId = publishedProgram("KC-" + suffix(), "Bồi dưỡng sửa lớp đồng thời");
        LocalDate start = ProvinceTime.today().plusDays(70);
        String id = scheduleClass("admin", classBody("LC-" + suffix(), programId, start));
        int revision = as("admin").get("/api/classes/" + id).jsonPath().getInt("revision");

        List<Response> responses = concurrently(4, n -> {
            Map<String, Object> body = classBody(null, null, start);
            body.remove("sessions");
            body.put("capacity", 61 + n);
            return as("admin").body(body).put("/api/classes/" + id);
        });
        long changed = responses.stream().filter(r -> r.statusCode() == 200).count();
        for (Response response : responses) {
            assertTrue(response.statusCode() == 200 || response.statusCode() == 409, response.asString());
            if (response.statusCode() == 409) {
                assertEquals("concurrent-modification", response.jsonPath().getString("code"));
            }
        }
        assertTrue(changed >= 1);
        assertEquals(revision + changed, as("admin").get("/api/classes/" + id).jsonPath().getInt("revision"));
    }

    @Test
    void aDissolvedUnitOrganisesNoNewClass() {
        String programId = publishedProgram("GT-" + suffix(), "Bồi dưỡng công tác dân vận");
        String gone = CourseFixtures.dissolvedUnit();
        Map<String, Object> body = classBody("LG-" + suffix(), programId, ProvinceTime.today().plusDays(30));
        body.put("organisingUnitCode", gone);
        as("admin").body(body).post("/api/classes").then().statusCode(400)
                .body("errors.find { it.field == 'organisingUnitCode' }.code", equalTo("unit-dissolved"));
        as("admin").queryParam("code", body.get("code")).get("/api/classes").then().body("total", equalTo(0));

        String id = scheduleClass("admin", classBody((String) body.get("code"), programId,
                ProvinceTime.today().plusDays(30)));
        Map<String, Object> handOver = classBody(null, null, ProvinceTime.today().plusDays(30));
        handOver.put("organisingUnitCode", gone);
        as("admin").body(handOver).put("/api/classes/" + id).then().statusCode(400)
                .body("errors.find { it.field == 'organisingUnitCode' }.code", equalTo("unit-dissolved"));
    }
}

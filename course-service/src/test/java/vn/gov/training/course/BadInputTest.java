package vn.gov.training.course;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static vn.gov.training.course.CourseFixtures.as;
import static vn.gov.training.course.CourseFixtures.classBody;
import static vn.gov.training.course.CourseFixtures.createProgram;
import static vn.gov.training.course.CourseFixtures.program;
import static vn.gov.training.course.CourseFixtures.publishedProgram;
import static vn.gov.training.course.CourseFixtures.suffix;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.time.ProvinceTime;

/** Every kind of bad input is a field error in the caller's language, and nothing is saved. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class BadInputTest {

    private static final LocalDate START = ProvinceTime.today().plusDays(30);

    private String programId;

    @BeforeEach
    void baseData() {
        CourseFixtures.ensureBaseData();
        programId = publishedProgram("BI-" + suffix(), "Bồi dưỡng chuyển đổi số");
    }

    private ValidatableResponse rejected(Map<String, Object> body, String language) {
        ValidatableResponse response = as("admin").header("Accept-Language", language).body(body)
                .post("/api/classes").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("validation-failed"));
        as("admin").queryParam("code", body.get("code")).get("/api/classes").then().body("total", equalTo(0));
        return response;
    }

    private static String message(String field) {
        return "errors.find { it.field == '" + field + "' }.message";
    }

    @Test
    void datesThatEndBeforeTheyStartAndSessionsOutsideTheClass() {
        Map<String, Object> body = classBody("B1-" + suffix(), programId, START);
        body.put("endDate", START.minusDays(1).toString());
        body.put("registrationClosesOn", START.minusDays(40).toString());
        rejected(body, "vi")
                .body("title", equalTo("Dữ liệu không hợp lệ"))
                .body("errors.field", hasItems("endDate", "registrationClosesOn", "sessions[0].date",
                        "sessions[1].date"))
                .body(message("endDate"), equalTo("Ngày kết thúc phải từ ngày bắt đầu (" + vi(START) + ") trở đi"));
        rejected(body, "en")
                .body("title", equalTo("Invalid data"))
                .body(message("endDate"), equalTo("The end date must be on or after the start date (" + vi(START) + ")"));

        Map<String, Object> late = classBody("B2-" + suffix(), programId, START);
        late.put("sessions", List.of(Map.of("date", START.plusDays(10).toString(), "startTime", "14:00",
                "endTime", "13:00", "topic", "Buổi ngoài lịch")));
        rejected(late, "en")
                .body("errors.field", hasItems("sessions[0].date", "sessions[0].endTime"))
                .body(message("sessions[0].date"), equalTo("The session must fall within the class dates ("
                        + vi(START) + " – " + vi(START.plusDays(4)) + ")"));
    }

    @Test
    void negativeCapacityOrCostAndAMinimumAboveTheCapacity() {
        Map<String, Object> body = classBody("B3-" + suffix(), programId, START);
        body.put("capacity", -5);
        body.put("costPerLearnerVnd", -1);
        rejected(body, "vi").body("errors.field", hasItems("capacity", "costPerLearnerVnd"))
                .body(message("costPerLearnerVnd"), equalTo("Không được là số âm"));

        Map<String, Object> minimum = classBody("B4-" + suffix(), programId, START);
        minimum.put("capacity", 30);
        minimum.put("minCapacity", 40);
        rejected(minimum, "en").body(message("minCapacity"), equalTo("The minimum cannot exceed the capacity (30)"));
    }

    @Test
    void aClassForADraftProgrammeAndUnknownCodes() {
        String draft = createProgram(program("BD-" + suffix(), "Chương trình nháp"));
        Map<String, Object> body = classBody("B5-" + suffix(), draft, START);
        body.put("institutionCode", "NO-SUCH-SCHOOL");
        body.put("organisingUnitCode", "HG.NOWHERE");
        rejected(body, "vi")
                .body("errors.field", hasItems("programId", "institutionCode", "organisingUnitCode"))
                .body("errors.find { it.field == 'programId' }.code", equalTo("program-not-published"))
                .body(message("institutionCode"), equalTo("Không có cơ sở đào tạo mã NO-SUCH-SCHOOL"))
                .body(message("organisingUnitCode"), equalTo("Không có đơn vị mã HG.NOWHERE"));
        rejected(body, "en").body(message("organisingUnitCode"), equalTo("There is no unit with code HG.NOWHERE"));
    }

    @Test
    void fundingSplitsSumToOneHundredAndLocationsFitTheirCountry() {
        Map<String, Object> body = classBody("B6-" + suffix(), programId, START);
        body.put("funding", List.of(Map.of("source", "STATE_BUDGET", "percent", 50),
                Map.of("source", "SELF", "percent", 30)));
        body.put("location", "OVERSEAS");
        rejected(body, "en").body("errors.field", hasItems("funding", "country"))
                .body(message("funding"), equalTo("The funding percentages must sum to 100 (they sum to 80)"));
        Map<String, Object> single = classBody("B7-" + suffix(), programId, START);
        single.remove("funding");
        single.put("fundingSource", "SPONSOR");
        single.put("location", "OVERSEAS");
        single.put("country", "SG");
        as("admin").body(single).post("/api/classes").then().statusCode(201)
                .body("funding[0].source", equalTo("SPONSOR")).body("funding[0].percent", equalTo(100))
                .body("country", equalTo("SG"));
    }

    @Test
    void malformedValuesNameTheField() {
        Map<String, Object> body = classBody("B8-" + suffix(), programId, START);
        body.put("startDate", "25/11/2026");
        as("admin").body(body).post("/api/classes").then().statusCode(400)
                .body("errors[0].field", equalTo("startDate"));
        Map<String, Object> programBody = program("bad code", "");
        programBody.put("periods", null);
        programBody.put("days", null);
        as("admin").header("Accept-Language", "en").body(programBody).post("/api/programs").then().statusCode(400)
                .body("errors.field", hasItems("code", "name"));
    }

    @Test
    void datesOutsideTheYears1900To2100AreFieldErrorsInBodiesAndParameters() {
        for (String date : List.of("+99999-01-01", "0000-01-01", "1899-12-31", "2101-01-01")) {
            Map<String, Object> body = classBody("B9-" + suffix(), programId, START);
            body.put("startDate", date);
            rejected(body, "vi")
                    .body("errors[0].field", equalTo("startDate"))
                    .body("errors[0].code", equalTo("date-out-of-range"))
                    .body("errors[0].message", equalTo("Ngày phải nằm trong khoảng từ 01/01/1900 đến 31/12/2100"));
        }
        Map<String, Object> session = classBody("B10-" + suffix(), programId, START);
        session.put("sessions", List.of(Map.of("date", "0000-01-01", "startTime", "08:00", "endTime", "11:00",
                "topic", "Buổi 1")));
        rejected(session, "en").body("errors[0].field", equalTo("sessions[0].date"))
                .body("errors[0].message", equalTo("The date must lie between 01/01/1900 and 31/12/2100"));

        as("admin").header("Accept-Language", "en").queryParam("from", "+99999-01-01").get("/api/classes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("validation-failed"))
                .body("errors[0].field", equalTo("from")).body("errors[0].code", equalTo("date-out-of-range"));
        as("admin").queryParam("to", "not-a-date").get("/api/classes").then().statusCode(400)
                .body("errors[0].field", equalTo("to")).body("errors[0].code", equalTo("invalid-format"));
        as("admin").queryParam("from", "1900-01-01").queryParam("to", "2100-12-31").get("/api/classes")
                .then().statusCode(200);
    }

    private static String vi(LocalDate date) {
        return String.format("%02d/%02d/%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }
}

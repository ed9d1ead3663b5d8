package vn.gov.training.deploy;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import vn.gov.training.platform.testing.Poll;

/**
 * The historical training records import end to end, through the gateway: a person registered in personnel-service
 * and a programme published in course-service reach enrolment-service by events; a history file names the person by
 * national ID and a class by institution and dates (created as a historical class); the imported turns go out on the
 * {@code enrolment} topic like turns recorded through the API, and reporting-service's training summary counts them.
 */
class HistoryImportSystemIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @Test
    void importedTurnsAreCountedByTheTrainingSummary() {
        String gateway = SystemData.gateway();
        String suffix = SystemData.suffix();
        String unit = SystemData.newUnit("Phòng kiểm thử nhập lịch sử");
        var first = SystemData.newPerson(unit, "Nguyễn Văn Lịch");
        var second = SystemData.newPerson(unit, "Trần Thị Sử");
        SystemData.ensureInstitution();
        String programId = SystemData.publishedProgramme("SYS-LS-" + suffix,
                "Trung cấp lý luận chính trị (kiểm thử nhập lịch sử SYS-LS-" + suffix + ")", "POLITICAL_THEORY",
                "INTERMEDIATE", Map.of("kind", "POLITICAL_THEORY", "level", "INTERMEDIATE"));
        // enrolment-service knows an institution from the classes course-service announces
        LocalDate today = ProvinceDay.today();
        String classId = SystemData.openClass("SYS-LS-" + suffix + "-K01", programId, unit, today.plusDays(30),
                today.plusDays(60), today.minusDays(1), today.plusDays(20), 3_000_000, List.of());
        Poll.until(DEADLINE, () -> SystemData.as("admin").get(gateway + "/api/class-copy/" + classId).statusCode(),
                status -> status == 200);
        Poll.until(DEADLINE, () -> SystemData.as("admin").get(gateway + "/api/program-copy/" + programId)
                .statusCode(), status -> status == 200);
        for (var person : List.of(first, second)) {
            Poll.until(DEADLINE, () -> SystemData.as("admin").get(gateway + "/api/person-copy/"
                    + person.path("id")).statusCode(), status -> status == 200);
        }

        String csv = "Số định danh cá nhân,Mã chương trình,Loại chương trình,Trình độ,Mã lớp,Mã cơ sở đào tạo,"
                + "Ngày bắt đầu,Ngày kết thúc,Kết quả,Xếp loại,Ngày hoàn thành,Số văn bằng/chứng chỉ,Kinh phí (VND),"
                + "Nguồn kinh phí\n"
                + first.path("nationalId") + ",SYS-LS-" + suffix + ",,,," + SystemData.INSTITUTION
                + ",02/03/2020,29/05/2020,Hoàn thành,Khá,29/05/2020,LS-" + suffix + ",\"5.000.000\",Ngân sách nhà nước\n"
                + second.path("nationalId") + ",SYS-LS-" + suffix + ",,,," + SystemData.INSTITUTION
                + ",02/03/2020,29/05/2020,Không đạt,,29/05/2020,,\"5.000.000\",Ngân sách nhà nước\n";
        String location = SystemData.as("admin").contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post(gateway + "/api/enrolments/imports?mode=ALL_OR_NOTHING&fileName=lich-su.csv")
                .then().statusCode(202).extract().header("Location");
        JsonPath job = Poll.until(DEADLINE, () -> SystemData.as("admin").get(gateway + location).then()
                .statusCode(200).extract().jsonPath(), j -> !"RUNNING".equals(j.getString("status")));
        assertEquals("COMPLETED", job.getString("status"), job.prettify());
        assertEquals(2, job.getInt("created"));

        JsonPath summary = Poll.until(DEADLINE, () -> SystemData.as("admin")
                        .queryParam("unit", unit).queryParam("from", "2020-01-01").queryParam("to", "2020-12-31")
                        .get(gateway + "/api/reports/training-summary").then().statusCode(200).extract().jsonPath(),
                s -> s.getLong("total.turns") >= 2);
        assertEquals(2L, summary.getLong("total.turns"));
        assertEquals(1L, summary.getLong("total.completed"));
        assertEquals(2L, summary.getLong("total.people"));

        // personnel-service records the level the completed turn grants, as from a turn recorded through the API
        Poll.until(DEADLINE, () -> SystemData.as("admin").get(gateway + "/api/personnel/" + first.path("id")
                + "/levels").then().statusCode(200).extract().jsonPath(),
                l -> l.getList("findAll { it.kind == 'POLITICAL_THEORY' }").size() == 1);

        // the same file again changes nothing, in the import and in the figures
        String again = SystemData.as("admin").contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post(gateway + "/api/enrolments/imports?mode=ALL_OR_NOTHING").then().statusCode(202).extract()
                .header("Location");
        Poll.until(DEADLINE, () -> SystemData.as("admin").get(gateway + again).then().statusCode(200).extract()
                .jsonPath(), j -> !"RUNNING".equals(j.getString("status")));
        SystemData.as("admin").get(gateway + again).then().body("status", equalTo("COMPLETED"))
                .body("created", equalTo(0)).body("unchanged", equalTo(2));
        assertEquals(2L, SystemData.as("admin").queryParam("unit", unit).queryParam("from", "2020-01-01")
                .queryParam("to", "2020-12-31").get(gateway + "/api/reports/training-summary").then().statusCode(200)
                .extract().jsonPath().getLong("total.turns"));
    }
}

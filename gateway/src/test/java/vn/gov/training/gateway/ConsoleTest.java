package vn.gov.training.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.training.gateway.ServiceStubs.APPROVED;
import static vn.gov.training.gateway.ServiceStubs.BINH;
import static vn.gov.training.gateway.ServiceStubs.CLASS;
import static vn.gov.training.gateway.ServiceStubs.JOB;
import static vn.gov.training.gateway.ServiceStubs.KHANG;
import static vn.gov.training.gateway.ServiceStubs.NOMINATED;
import static vn.gov.training.gateway.ServiceStubs.SESSION_1;
import static vn.gov.training.gateway.ServiceStubs.SESSION_2;
import static vn.gov.training.gateway.ServiceStubs.UNIT;
import static vn.gov.training.gateway.ServiceStubs.XLSX;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import vn.gov.training.platform.testing.Tokens;

/**
 * The console's pages against {@link ServiceStubs}, which answer only the services' real paths with bodies shaped
 * like their records: what an officer reads on each page (Vietnamese labels, dd/MM/yyyy, VND), and that the
 * console sends what the services take (a wrong path, parameter or body makes the stub refuse, and the page shows
 * that refusal instead of the text asserted here). The whole system is driven by the browser journey in deploy.
 */
@QuarkusTest
@WithTestResource(ServiceStubs.class)
class ConsoleTest {

    private static final String CSRF = "t".repeat(43);

    private static RequestSpecification as(String role) {
        return given().header("Authorization", Tokens.bearer(role));
    }

    /** A console write: the session's double-submit CSRF token as cookie and header. */
    private static RequestSpecification write(String role) {
        // forms in UTF-8, as a browser sends them for a page in UTF-8
        return as(role).config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                .defaultContentCharset("UTF-8"))).cookie("csrf-token", CSRF).header("X-CSRF-Token", CSRF);
    }

    @Test
    void pagesRenderInVietnameseForTheSignedInRole() {
        as("unit-officer").get("/console").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("Tổng quan đơn vị HG.VT"))
                .body(containsString("Cán bộ tổ chức đơn vị"))
                .body(containsString("/webjars/htmx.org/2.0.4/dist/htmx.min.js"))
                .body(not(containsString("<script>")));
        as("unit-officer").get("/console/staff?q=nguyen").then().statusCode(200)
                .body(containsString("Cán bộ, công chức, viên chức"))
                .body(containsString("Nguyễn Thị Hồng Khang"))
                .body(not(containsString("Trần Văn Bình")));
    }

    @Test
    void theDashboardReadsTheReportsRealFields() {
        as("unit-officer").get("/console").then().statusCode(200)
                .body(not(containsString("alert warn")))
                .body(containsString("<div class=\"figure\" id=\"fig-turns\">12</div>"))
                .body(containsString("Lý luận chính trị – Trung cấp")) // qualification stock: kindName – levelName
                .body(containsString(">37</text>"))
                .body(containsString("Phòng Tổ chức - Văn thư")) // yearly minimum: unitName, metShare 0.8
                .body(containsString(">80 %</text>"))
                .body(containsString("Nguyễn Thị Hồng Khang"))
                .body(containsString("<span class=\"badge WARN\">Cần lưu ý</span>"))
                .body(containsString("02/03/2026"));
    }

    @Test
    void theAssessmentShowsTheFitBadgeItsReasonsAndEligibilityRefusals() {
        write("unit-officer").formParam("classId", CLASS).formParam("personnelId", KHANG, BINH)
                .formParam("name-" + KHANG, "Nguyễn Thị Hồng Khang").formParam("name-" + BINH, "Trần Văn Bình")
                .post("/console/nominations/assess").then().statusCode(200)
                .body(containsString("<strong>Nguyễn Thị Hồng Khang</strong>"))
                .body(containsString("<span class=\"badge WARN\">Cần lưu ý</span>"))
                .body(containsString("Chưa được quy hoạch vào chức danh cần trình độ này"))
                .body(containsString("<span class=\"badge MISFIT\">Không phù hợp</span>"))
                .body(containsString("Không đủ điều kiện: Đã có trình độ này"))
                .body(containsString("Cán bộ đã có trình độ trung cấp lý luận chính trị, không cử học lại."))
                .body(containsString("cần nhập lý do giải trình"));
    }

    @Test
    void aNominationShowsItsFitAndABulkNominationEachPersonsOutcome() {
        write("unit-officer").formParam("classId", CLASS).formParam("personnelId", KHANG)
                .formParam("decisionDate", "20/01/2026").formParam("fundingAmountVnd", "8.500.000")
                .post("/console/nominations").then().statusCode(200)
                .body(containsString("Đã gửi đề cử Nguyễn Thị Hồng Khang. Trạng thái: Đã đề cử"))
                .body(containsString("<span class=\"badge WARN\">Cần lưu ý</span>"));
        write("unit-officer").formParam("classId", CLASS).formParam("personnelId", KHANG, BINH)
                .formParam("name-" + KHANG, "Nguyễn Thị Hồng Khang").formParam("name-" + BINH, "Trần Văn Bình")
                .post("/console/nominations").then().statusCode(200)
                .body(containsString("Đã gửi 1 đề cử, 1 bị từ chối."))
                .body(containsString("<td>Nguyễn Thị Hồng Khang</td>"))
                .body(containsString("Đã đề cử; mức phù hợp: <span class=\"badge WARN\">Cần lưu ý</span>"))
                .body(containsString("<td>Trần Văn Bình</td>"))
                .body(containsString("<strong>Đã có trình độ này</strong>"));
    }

    @Test
    void theApprovalQueueShowsTheFitOfEachNomination() {
        as("province-manager").get("/console/approvals").then().statusCode(200)
                .body(containsString("<td>Nguyễn Thị Hồng Khang</td>"))
                .body(containsString("LLCT-TC-2026-01"))
                .body(containsString("<span class=\"badge WARN\">Cần lưu ý</span>"))
                .body(containsString("Chưa được quy hoạch vào chức danh cần trình độ này"))
                .body(containsString("45/QĐ-SNV 20/01/2026"));
    }

    @Test
    void attendanceIsRecordedPerSessionOfTheClass() {
        as("institution-staff").get("/console/classes/" + CLASS + "/results").then().statusCode(200)
                .body(containsString("Trần Văn Bình"))
                .body(not(containsString("Nguyễn Thị Hồng Khang"))) // only nominated: not on the sheets yet
                .body(containsString("<option value=\"" + SESSION_1 + "\" selected>02/03/2026"))
                .body(containsString("(đã ghi: Vắng có phép)"))
                .body(containsString("href=\"/api/class-enrolments/" + CLASS + "/results/template\""));
        as("institution-staff").get("/console/classes/" + CLASS + "/results?sessionId=" + SESSION_2).then()
                .statusCode(200).body(not(containsString("(đã ghi:")));
        write("institution-staff").formParam("sessionId", SESSION_1).formParam("att-" + APPROVED, "PRESENT")
                .post("/console/classes/" + CLASS + "/attendance").then().statusCode(200)
                .body(containsString("Đã lưu điểm danh 1 học viên."));
    }

    @Test
    void theResultsWorkbookIsSentAsTheRequestBodyAndEachRowIsReported() {
        write("institution-staff").multiPart("file", "ket-qua.xlsx", new byte[] {'P', 'K', 3, 4}, XLSX)
                .multiPart("mode", "VALID_ROWS")
                .post("/console/classes/" + CLASS + "/results/upload").then().statusCode(200)
                .body(containsString("Đã ghi kết quả 1 dòng; 0 dòng không đổi; 1 dòng bị từ chối."))
                .body(containsString("<td>Trần Văn Bình</td><td>Đã ghi</td><td>Hoàn thành</td>"))
                .body(containsString("Xếp loại: Xếp loại phải là Xuất sắc, Giỏi, Khá hoặc Trung bình"));
    }

    @Test
    void aStaffImportRunsAsAJobWhoseProgressAndRowErrorsAreShown() {
        write("unit-officer").multiPart("file", "danh-sach.xlsx", new byte[] {'P', 'K', 3, 4}, XLSX)
                .multiPart("mode", "ALL_OR_NOTHING")
                .post("/console/staff/import").then().statusCode(200)
                .body(containsString("hx-get=\"/console/staff/import/" + JOB + "\" hx-trigger=\"every 1s\""))
                .body(containsString("Đang xử lý: 1/3 dòng"));
        as("unit-officer").get("/console/staff/import/" + JOB).then().statusCode(200)
                .body(not(containsString("hx-trigger")))
                .body(containsString("Tệp có 1 dòng lỗi nên không dòng nào được nhập."))
                .body(containsString("<td class=\"num\">3</td><td>Số định danh cá nhân</td><td>Số định danh cá nhân phải gồm 12 chữ số</td>"));
        as("unit-officer").get("/console/staff/import").then().statusCode(200)
                .body(containsString("href=\"/api/personnel/imports/template\""));
    }

    @Test
    void aHistoryImportRunsAsAJobWhoseProgressAndRowErrorsAreShownAndTheMenuLinksItForThoseWhoMayImport() {
        write("unit-officer").multiPart("file", "lich-su.csv", "Số định danh cá nhân,Kết quả\n".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8), "text/csv")
                .multiPart("mode", "VALID_ROWS")
                .post("/console/history-import").then().statusCode(200)
                .body(containsString("hx-get=\"/console/history-import/" + JOB + "\" hx-trigger=\"every 1s\""))
                .body(containsString("Đang xử lý: 1/3 dòng"));
        as("unit-officer").get("/console/history-import/" + JOB).then().statusCode(200)
                .body(not(containsString("hx-trigger")))
                .body(containsString("Đã nhập xong 3 dòng: thêm mới 2 lượt học, không đổi 0, bỏ qua 1 dòng lỗi."))
                .body(containsString("<td class=\"num\">3</td><td>Số định danh cá nhân</td><td>Không có cán bộ nào mang số định danh này trong hồ sơ</td>"));
        as("unit-officer").get("/console/history-import").then().statusCode(200)
                .body(containsString("href=\"/api/enrolments/imports/template\""))
                .body(containsString("<a href=\"/console/history-import\">Nhập quá trình đào tạo</a>"));
        as("leader").get("/console").then().statusCode(200)
                .body(not(containsString("/console/history-import")));
    }

    @Test
    void aReportFiltersByStaffCategoryAndItsFiguresDrillDownToThePeople() {
        String page = as("province-manager")
                .get("/console/reports/training-summary?unit=HG&from=01/01/2026&to=31/12/2026&staffCategory=CIVIL_SERVANT")
                .then().statusCode(200)
                .body(containsString("<dd>Công chức</dd>"))
                .body(containsString("<dd>Sở Nội vụ</dd>"))
                .body(containsString("102.000.000\u00a0₫"))
                .body(containsString("Tổng cộng"))
                .extract().asString();
        Matcher link = Pattern.compile("href=\"(/console/reports/drill\\?path=[^\"]+)\">Lý luận chính trị<").matcher(page);
        assertTrue(link.find(), "the category's name links to its enrolments");
        String href = link.group(1).replace("&amp;", "&");
        assertTrue(href.contains("staffCategory%3DCIVIL_SERVANT") && href.contains("category%3DPOLITICAL_THEORY")
                && href.contains("from%3D2026-01-01"), href);
        as("province-manager").urlEncodingEnabled(false).get(href).then().statusCode(200)
                .body(containsString("Tổng số: <strong>1</strong>"))
                .body(containsString("<a href=\"/console/staff/" + KHANG + "\">Nguyễn Thị Hồng Khang</a>"))
                .body(containsString("02/03/2026 – 18/12/2026"))
                .body(containsString("8.500.000\u00a0₫"));
        as("province-manager").get("/console/reports/drill?path=/api/personnel").then().statusCode(404);
    }

    @Test
    void theCommitmentsReportDrillsDownToCommitmentsAndRepaymentCases() {
        String page = as("province-manager").get("/console/reports/commitments?unit=HG.SNV").then().statusCode(200)
                .body(containsString("Chưa xác định đơn vị")).extract().asString();
        String breached = drillLink(page, "state%3DBREACHED");
        assertTrue(breached.contains("unit%3D" + UNIT), breached);
        as("province-manager").urlEncodingEnabled(false).get(breached).then().statusCode(200)
                .body(containsString("Cam kết phục vụ và bồi hoàn"))
                .body(containsString("Tổng số: <strong>1</strong>"))
                .body(containsString("<td>Vi phạm</td><td>01/09/2024 – 01/09/2030</td>"))
                .body(containsString("90.000.000\u00a0₫"));
        as("province-manager").urlEncodingEnabled(false).get(drillLink(page, "column%3DDECIDED")).then()
                .statusCode(200)
                .body(containsString("<td>Đã quyết định</td><td>45/QĐ-HĐ</td><td>15/10/2026</td>"))
                .body(containsString("45.000.000\u00a0₫"));
        assertEquals(2, Pattern.compile("state%3DBREACHED").matcher(page).results().count(),
                "the unit's line and the total drill down; the line without a unit does not");
        assertTrue(page.contains("unit%3DHG.SNV%26state%3DBREACHED"), "the total lists the whole subtree's");
    }

    /** The one drill-down link of the page whose list query contains the given (encoded) text. */
    private static String drillLink(String page, String contains) {
        Matcher link = Pattern.compile("href=\"(/console/reports/drill\\?path=[^\"]*" + contains + "[^\"]*)\"")
                .matcher(page);
        assertTrue(link.find(), "a link to " + contains);
        return link.group(1).replace("&amp;", "&");
    }

    @Test
    void thePersonPageShowsHistoryGapsAndSuccessionPlans() {
        as("unit-officer").get("/console/staff/" + KHANG).then().statusCode(200)
                .body(containsString("BD-QLNN-2025-03"))
                .body(containsString("05/05/2025 – 25/07/2025"))
                .body(containsString("Trưởng phòng"))
                .body(containsString("(hiện có: Sơ cấp)"))
                .body(containsString("2026–2031"))
                .body(containsString("30/06/2019"));
    }

    @Test
    void theCataloguAndAClassShowTheProgrammeOfTheClass() {
        as("unit-officer").get("/console/catalogue").then().statusCode(200)
                .body(containsString("<td>Trung cấp lý luận chính trị - hành chính</td><td>TCT-HG</td>"))
                .body(containsString("8.500.000\u00a0₫"));
        as("unit-officer").get("/console/classes/" + CLASS).then().statusCode(200)
                .body(containsString("Lớp LLCT-TC-2026-01: Trung cấp lý luận chính trị - hành chính"))
                .body(containsString("<td>02/03/2026</td><td>07:30:00 – 11:00:00</td><td>Chủ nghĩa Mác - Lênin</td>"))
                .body(containsString("02/03/2026 – 18/12/2026"));
        as("unit-officer").get("/console/classes/00000000-0000-4000-8000-000000000099").then().statusCode(200)
                .body(containsString("Không có lớp này."));
    }

    @Test
    void theMenuFollowsTheRole() {
        as("institution-staff").get("/console").then().statusCode(200)
                .body(not(containsString("href=\"/console/staff\"")))
                .body(containsString("href=\"/console/approvals\">Phê duyệt</a>"));
        as("unit-officer").get("/console").then().statusCode(200)
                .body(containsString("href=\"/console/staff\""))
                .body(not(containsString("href=\"/console/approvals\">Phê duyệt</a>")));
    }

    @Test
    void aConsoleWriteWithoutTheCsrfTokenIsRefused() {
        as("province-manager").post("/console/enrolments/" + NOMINATED + "/approve")
                .then().statusCode(403).body("code", equalTo("csrf-token-invalid"));
        write("province-manager").post("/console/enrolments/" + NOMINATED + "/approve")
                .then().statusCode(200).body(containsString("Đã phê duyệt"));
    }

    @Test
    void staticFilesAndTheOpenApiViewNeedNoLogin() {
        given().get("/webjars/htmx.org/2.0.4/dist/htmx.min.js").then().statusCode(200);
        given().get("/static/console.css").then().statusCode(200);
        given().get("/openapi").then().statusCode(200).body(containsString("API (OpenAPI) của các dịch vụ"));
    }
}

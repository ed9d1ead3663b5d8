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

import java.util.List;
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
                .body(containsString("Tổng quan Thành phố Vị Thanh"))
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
                .body(containsString("<span class=\"badge WARN\">Cần xem xét</span>"))
                .body(containsString("02/03/2026"));
    }

    @Test
    void theDashboardsBarsDrillDownWhenClickedAndShowTheirFullLabelOnHover() {
        String page = as("unit-officer").get("/console").then().statusCode(200).extract().asString();
        int year = vn.gov.training.gateway.console.Formats.today().getYear();
        // a year's bar opens that year's training summary; a category's bar the turns behind it
        assertTrue(page.contains("<a href=\"/console/reports/training-summary?unit=" + ServiceStubs.UNIT + "&amp;from=01%2F01%2F"
                + year + "&amp;to=31%2F12%2F" + year + "\" aria-label=\"Năm " + year + ": 12\"><title>Năm " + year
                + ": 12</title>"), page);
        assertTrue(page.contains("<a href=\"/console/reports/drill?path=%2Fapi%2Freports%2Ftraining-summary%2Fdetails"), page);
        assertTrue(page.contains("category%3DPOLITICAL_THEORY"), page);
        // the stock's bar opens the people holding the level; a unit's share of the minimum opens that unit's report
        assertTrue(page.contains("qualification-stock%2Fdetails%3Funit%3D" + ServiceStubs.UNIT), page);
        assertTrue(page.contains("kind%3DPOLITICAL_THEORY%26level%3DINTERMEDIATE"), page);
        assertTrue(page.contains("<title>Lý luận chính trị – Trung cấp: 37</title>"), page);
        assertTrue(page.contains("<a href=\"/console/reports/yearly-minimum?unit=" + ServiceStubs.UNIT + "&amp;year=" + year
                + "\" aria-label=\"Phòng Tổ chức - Văn thư: 80 %\">"), page);
        // and the drill-down it leads to is a page of the console
        as("unit-officer").get("/console/reports/training-summary?unit=" + ServiceStubs.UNIT + "&from=01/01/" + year
                + "&to=31/12/" + year).then().statusCode(200).body(containsString("Lý luận chính trị"));
    }

    @Test
    void aReportsExcelLinkDownloadsTheWorkbookOfTheFiltersOnScreen() {
        String page = as("unit-officer").get("/console/reports/training-summary?unit=" + ServiceStubs.UNIT
                + "&from=01/01/2026&to=30/06/2026").then().statusCode(200).extract().asString();
        Matcher link = Pattern.compile("href=\"(/console/reports/training-summary/excel\\?[^\"]*)\"").matcher(page);
        assertTrue(link.find(), page);
        byte[] file = as("unit-officer").urlEncodingEnabled(false).get(link.group(1).replace("&amp;", "&")).then()
                .statusCode(200).contentType(XLSX).extract().asByteArray();
        assertEquals(List.of((byte) 'P', (byte) 'K'), List.of(file[0], file[1]));
    }

    @Test
    void theAssessmentShowsTheFitBadgeItsReasonsAndEligibilityRefusals() {
        write("unit-officer").formParam("classId", CLASS).formParam("personnelId", KHANG, BINH)
                .formParam("name-" + KHANG, "Nguyễn Thị Hồng Khang").formParam("name-" + BINH, "Trần Văn Bình")
                .post("/console/nominations/assess").then().statusCode(200)
                .body(containsString("<strong>Nguyễn Thị Hồng Khang</strong>"))
                .body(containsString("<span class=\"badge WARN\">Cần xem xét</span>"))
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
                .body(containsString("<span class=\"badge WARN\">Cần xem xét</span>"));
        write("unit-officer").formParam("classId", CLASS).formParam("personnelId", KHANG, BINH)
                .formParam("name-" + KHANG, "Nguyễn Thị Hồng Khang").formParam("name-" + BINH, "Trần Văn Bình")
                .post("/console/nominations").then().statusCode(200)
                .body(containsString("Đã gửi 1 đề cử, 1 bị từ chối."))
                .body(containsString("<td>Nguyễn Thị Hồng Khang</td>"))
                .body(containsString("Đã đề cử; mức phù hợp: <span class=\"badge WARN\">Cần xem xét</span>"))
                .body(containsString("<td>Trần Văn Bình</td>"))
                .body(containsString("<strong>Đã có trình độ này</strong>"));
    }

    @Test
    void theApprovalQueueShowsTheFitOfEachNomination() {
        as("province-manager").get("/console/approvals").then().statusCode(200)
                .body(containsString("<td>Nguyễn Thị Hồng Khang</td>"))
                .body(containsString("LLCT-TC-2026-01"))
                .body(containsString("<span class=\"badge WARN\">Cần xem xét</span>"))
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
    void levelsAndRatingsImportsAreOfferedBesideTheStaffImportAndRunAsJobs() {
        as("unit-officer").get("/console/staff").then().statusCode(200)
                .body(containsString("href=\"/console/levels-import\""))
                .body(containsString("href=\"/console/ratings-import\""));
        for (String records : List.of("levels-import", "ratings-import")) {
            write("unit-officer").multiPart("file", "trinh-do.csv", "Số định danh cá nhân\n".getBytes(
                            java.nio.charset.StandardCharsets.UTF_8), "text/csv")
                    .multiPart("mode", "VALID_ROWS")
                    .post("/console/" + records).then().statusCode(200)
                    .body(containsString("hx-get=\"/console/" + records + "/" + JOB + "\" hx-trigger=\"every 1s\""))
                    .body(containsString("Đang xử lý: 1/3 dòng"));
            as("unit-officer").get("/console/" + records + "/" + JOB).then().statusCode(200)
                    .body(not(containsString("hx-trigger")))
                    .body(containsString("Tệp có 1 dòng lỗi nên không dòng nào được nhập."));
        }
        as("unit-officer").get("/console/levels-import").then().statusCode(200)
                .body(containsString("<h1>Nhập trình độ từ tệp Excel</h1>"))
                .body(containsString("<form hx-post=\"/console/levels-import\""))
                .body(containsString("href=\"/api/personnel/qualification-imports/template\""));
        as("unit-officer").get("/console/ratings-import").then().statusCode(200)
                .body(containsString("href=\"/api/personnel/rating-imports/template\""));
        as("unit-officer").get("/console/other-import").then().statusCode(404);
        // the three import pages share their form
        as("unit-officer").get("/console/staff/import").then().statusCode(200)
                .body(containsString("<form hx-post=\"/console/staff/import\""));
        as("unit-officer").get("/console/history-import").then().statusCode(200)
                .body(containsString("<form hx-post=\"/console/history-import\""));
    }

    @Test
    void anUploadWaitsForTheServiceLongerThanAPage() {
        // the service answers after 5 s (it reads a large file whole first), past the 4 s a page waits
        write("unit-officer").multiPart("file", "cham-50000-dong.csv", "Số định danh cá nhân,Kết quả\n".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8), "text/csv")
                .post("/console/history-import").then().statusCode(200)
                .body(containsString("hx-get=\"/console/history-import/" + JOB + "\" hx-trigger=\"every 1s\""))
                .body(not(containsString("quá chậm")));
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
                .body(containsString("Cam kết phục vụ và đền bù"))
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
                .body(containsString("30/06/2019"))
                // the service commitment and the credential with its public verification page
                .body(containsString("<td>26/07/2025 – 26/07/2028</td><td class=\"num\">36</td><td class=\"num\">12.500.000\u00a0₫</td><td>Đang thực hiện"))
                .body(containsString("href=\"/verify?number=CC-2025-0042\""))
                .body(containsString("cấp 30/07/2025"));
    }

    @Test
    void theUnitOfficerKeepsTheRecordFromThePersonPage() {
        String person = "/console/staff/" + KHANG;
        as("unit-officer").get(person).then().statusCode(200)
                .body(containsString("hx-post=\"" + person + "/qualifications\""))
                .body(containsString("hx-post=\"" + person + "/transfer\""))
                .body(containsString("<option value=\"RETIRED\">Nghỉ hưu</option>"))
                .body(containsString("hx-post=\"" + person + "/plans/5c000000-0000-4000-8000-000000000001\""));
        as("leader").get(person).then().statusCode(200).body(not(containsString("Cập nhật hồ sơ")));
        // the staff list as Excel with the filters on screen (personnel-service masks it by role)
        as("unit-officer").get("/console/staff?q=nguyen&category=CIVIL_SERVANT").then().statusCode(200)
                .body(containsString("href=\"/api/personnel/export?q=nguyen&amp;unit=HG.VT&amp;includeSubunits=true&amp;category=CIVIL_SERVANT\""));
        write("unit-officer").formParam("kind", "IT").formParam("level", "ADVANCED").formParam("awardedOn", "30/06/2024")
                .post(person + "/qualifications").then().statusCode(200)
                .body(containsString("Đã thêm trình độ Tin học Nâng cao"));
        write("unit-officer").formParam("kind", "IT").formParam("level", "ADVANCED").formParam("awardedOn", "31/06/2024")
                .post(person + "/qualifications").then().statusCode(200)
                .body(containsString("Ngày cấp không hợp lệ"));
        write("unit-officer").formParam("orgUnitCode", "HG.VT.P1").formParam("effectiveOn", "01/07/2026")
                .post(person + "/transfer").then().statusCode(200)
                .body(containsString("Đã chuyển công tác sang Phường I"));
        write("unit-officer").formParam("reason", "RETIRED").formParam("leftOn", "01/07/2026")
                .post(person + "/leave").then().statusCode(200).body(containsString("Đã ghi cán bộ nghỉ việc (Nghỉ hưu)"));
        write("unit-officer").formParam("titleCode", "TRUONG_PHONG").formParam("orgUnitCode", UNIT)
                .formParam("termStart", "2025").formParam("termEnd", "2030").post(person + "/plans").then()
                .statusCode(200).body(containsString("Đã đưa vào quy hoạch Trưởng phòng"));
        write("unit-officer").formParam("termStart", "hai nghìn").post(person + "/plans").then().statusCode(200)
                .body(containsString("Nhiệm kỳ không hợp lệ"));
        // the evidence of a qualification: downloaded through the API door, uploaded as the raw file
        as("unit-officer").get(person).then().statusCode(200)
                .body(containsString("href=\"/api/personnel/" + KHANG + "/qualifications/9a000000-0000-4000-8000-000000000001/evidence\""))
                .body(containsString("hx-post=\"" + person + "/qualifications/9a000000-0000-4000-8000-000000000001/evidence\""));
        write("unit-officer").multiPart("file", "bang so cap.pdf", "%PDF-1.4 minh chung".getBytes(), "application/pdf")
                .post(person + "/qualifications/9a000000-0000-4000-8000-000000000001/evidence").then().statusCode(200)
                .body(containsString("Đã đính kèm minh chứng bang so cap.pdf"));
        write("unit-officer").multiPart("file", "virus.exe", "MZ".getBytes(), "application/octet-stream")
                .post(person + "/qualifications/9a000000-0000-4000-8000-000000000001/evidence").then().statusCode(200)
                .body(containsString("Minh chứng phải là tệp PDF, PNG hoặc JPEG"));
        String plan = person + "/plans/5c000000-0000-4000-8000-000000000001";
        write("unit-officer").formParam("action", "remove").formParam("reason", "").post(plan).then().statusCode(200)
                .body(containsString("Đưa ra khỏi quy hoạch phải có lý do"));
        write("unit-officer").formParam("action", "remove").formParam("reason", "Không hoàn thành khóa học")
                .post(plan).then().statusCode(200).body(containsString("Đã đưa ra khỏi quy hoạch"));
        write("unit-officer").formParam("action", "reviewed").post(plan).then().statusCode(200)
                .body(containsString("Đã ghi nhận rà soát"));
    }

    @Test
    void theUnitOfficerRecordsTheYearlyRatingFromThePersonPage() {
        String person = "/console/staff/" + KHANG;
        as("unit-officer").get(person).then().statusCode(200)
                .body(containsString("<td>2025</td><td>Hoàn thành xuất sắc nhiệm vụ</td>"))
                .body(containsString("<td>2024</td><td>Hoàn thành tốt nhiệm vụ</td>"))
                .body(containsString("hx-post=\"" + person + "/ratings\""))
                .body(containsString("<option value=\"NOT_COMPLETED\">Không hoàn thành nhiệm vụ</option>"));
        as("leader").get(person).then().statusCode(200)
                .body(containsString("Hoàn thành xuất sắc nhiệm vụ"))
                .body(not(containsString("hx-post=\"" + person + "/ratings\"")));
        write("unit-officer").formParam("year", "2025").formParam("rating", "COMPLETED").post(person + "/ratings").then()
                .statusCode(200).body(containsString("alert ok"))
                .body(containsString("Đã ghi xếp loại năm 2025: Hoàn thành nhiệm vụ."));
        write("unit-officer").formParam("year", "năm ngoái").formParam("rating", "GOOD").post(person + "/ratings").then()
                .statusCode(200).body(containsString("Năm đánh giá không hợp lệ"));
        write("unit-officer").formParam("year", "2025").formParam("rating", "").post(person + "/ratings").then()
                .statusCode(200).body(containsString("Hãy chọn mức xếp loại của năm."));
        // the service's own refusal (a year after this one) comes back as the field error
        write("unit-officer").formParam("year", "2099").formParam("rating", "GOOD").post(person + "/ratings").then()
                .statusCode(200).body(containsString("alert error"));
    }

    @Test
    void eachNotificationKindIsShownWithItsNameAndTheOptionalOnesAreTurnedOffAndOn() {
        String person = "/console/staff/" + KHANG;
        String toggle = person + "/notifications/";
        as("unit-officer").get(person).then().statusCode(200)
                .body(containsString("Thông báo qua thư điện tử"))
                .body(containsString("<td>Lớp học thay đổi lịch</td>"))
                .body(containsString("hx-post=\"" + toggle + "CLASS_RESCHEDULED\""))
                .body(containsString("Luôn nhận (bắt buộc)"))
                .body(not(containsString("hx-post=\"" + toggle + "COMMITMENT_BREACHED\"")))
                .body(not(containsString("<td>CLASS_RESCHEDULED</td>")));
        write("unit-officer").formParam("enabled", "false").post(toggle + "CLASS_RESCHEDULED").then().statusCode(200)
                .body(containsString("Đã tắt thông báo."))
                .body(containsString("Đã tắt</span> <input type=\"hidden\" name=\"enabled\" value=\"true\">"));
        write("unit-officer").formParam("enabled", "true").post(toggle + "CLASS_RESCHEDULED").then().statusCode(200)
                .body(containsString("Đã bật lại thông báo."))
                .body(containsString("Đang nhận</span> <input type=\"hidden\" name=\"enabled\" value=\"false\">"));
        write("unit-officer").formParam("enabled", "false").post(toggle + "COMMITMENT_BREACHED").then().statusCode(200)
                .body(containsString("alert error"))
                .body(containsString("Loại thông báo này là bắt buộc, không tắt được."))
                .body(containsString("<td>Cam kết phục vụ sau đào tạo bị vi phạm</td>"));
        write("unit-officer").post(toggle + "CLASS_RESCHEDULED").then().statusCode(200)
                .body(containsString("Hãy chọn bật hoặc tắt loại thông báo này."));
    }

    @Test
    void aCredentialIsVerifiedOnAPublicPage() {
        given().get("/verify?number=CC-2025-0042").then().statusCode(200)
                .body(containsString("do hệ thống cấp"))
                .body(containsString("Bồi dưỡng ngạch chuyên viên chính (Quản lý nhà nước Chuyên viên chính)"))
                .body(containsString("Nguyễn T. H. K."))
                .body(containsString("30/07/2025"));
        given().get("/verify?number=XX-1").then().statusCode(200)
                .body(containsString("id=\"not-verified\""));
    }

    @Test
    void staffAskToBeSentToAClassAndTheirOfficerSendsOrDeclines() {
        write("staff").formParam("classId", CLASS).formParam("note", "Xin được học để chuẩn hóa")
                .post("/console/me/requests").then().statusCode(200)
                .body(containsString("alert ok")).body(containsString("Đã gửi đề nghị cử đi học"));
        write("staff").formParam("classId", "c1a55000-0000-4000-8000-000000000009").post("/console/me/requests").then()
                .statusCode(200).body(containsString("alert error")).body(containsString("Lớp không nhận đăng ký lúc này"));
        // the officer's pending work: the request with its note, sent or declined on the spot
        String request = ServiceStubs.REQUEST;
        as("unit-officer").get("/console").then().statusCode(200)
                .body(containsString("<td>Xin được học để chuẩn hóa</td>"))
                .body(containsString("hx-post=\"/console/requests/" + request + "/nominate\""))
                .body(containsString("hx-post=\"/console/requests/" + request + "/decline\""));
        write("unit-officer").formParam("decisionNumber", "77/QĐ-UBND").formParam("decisionDate", "31/02/2026")
                .post("/console/requests/" + request + "/nominate").then().statusCode(200)
                .body(containsString("Ngày quyết định không hợp lệ"));
        write("unit-officer").formParam("decisionNumber", "77/QĐ-UBND").formParam("decisionDate", "02/03/2026")
                .formParam("fundingSource", "STATE_BUDGET")
                .post("/console/requests/" + request + "/nominate").then().statusCode(200)
                .body(containsString("Đã cử đi học theo đề nghị"));
        write("unit-officer").formParam("reason", " ").post("/console/requests/" + request + "/decline").then()
                .statusCode(200).body(containsString("Từ chối đề nghị phải có lý do"));
        write("unit-officer").formParam("reason", "Đơn vị đã đủ người đi học năm nay")
                .post("/console/requests/" + request + "/decline").then().statusCode(200)
                .body(containsString("Đã từ chối đề nghị"));
    }

    @Test
    void institutionStaffRecordEntryAndExitExamsWithRetakes() {
        as("institution-staff").get("/console/classes/" + CLASS + "/exams").then().statusCode(200)
                .body(containsString("<td>Trần Văn Bình</td>"))
                .body(containsString("Sát hạch đầu vào lần 1: 4 điểm, Không đạt (01/03/2026)"))
                .body(containsString("name=\"passed-" + APPROVED + "\""));
        write("institution-staff").formParam("kind", "ENTRY").formParam("passed-" + APPROVED, "true")
                .formParam("score-" + APPROVED, "7,5").formParam("takenOn-" + APPROVED, "02/03/2026")
                .post("/console/classes/" + CLASS + "/exams").then().statusCode(200)
                .body(containsString("id=\"exams-summary\""))
                .body(containsString("Sát hạch đầu vào lần 2: Đạt – trạng thái: Đang học"));
        write("institution-staff").formParam("kind", "ENTRY").formParam("passed-" + APPROVED, "false")
                .formParam("score-" + APPROVED, "bảy").formParam("takenOn-" + APPROVED, "31/02/2026")
                .post("/console/classes/" + CLASS + "/exams").then().statusCode(200)
                .body(containsString("Điểm phải là số"))
                .body(containsString("Ngày không hợp lệ"));
        write("institution-staff").formParam("passed-" + APPROVED, "true")
                .post("/console/classes/" + CLASS + "/exams").then().statusCode(200)
                .body(containsString("Hãy chọn sát hạch đầu vào hoặc đầu ra"));
        as("institution-staff").get("/console/my-classes").then().statusCode(200)
                .body(containsString("href=\"/console/classes/" + CLASS + "/exams\""));
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

    @Test
    void aRefusedNewPersonComesBackWithWhatWasTypedAndTheFieldErrors() {
        write("unit-officer").contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("nationalId", "09318500012").formParam("fullName", "")
                .formParam("dateOfBirth", "31/02/1992").formParam("gender", "FEMALE")
                .formParam("category", "CIVIL_SERVANT").formParam("orgUnitCode", UNIT).formParam("email", "lan@example.vn")
                .post("/console/staff").then().statusCode(200)
                .body(containsString("hx-post=\"/console/staff\""))
                .body(containsString("value=\"09318500012\""))
                .body(containsString("value=\"31/02/1992\""))
                .body(containsString("value=\"lan@example.vn\""))
                .body(containsString("<div class=\"error\" id=\"e-nationalId\">Số định danh cá nhân phải gồm đúng 12 chữ số</div>"))
                .body(containsString("<div class=\"error\" id=\"e-fullName\">Không được để trống</div>"))
                .body(containsString("<div class=\"error\" id=\"e-dateOfBirth\">Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy"))
                .body(containsString("value=\"FEMALE\" selected"));
    }

    @Test
    void aRefusedEditStaysAnEditAndAClearedNameIsAnError() {
        write("unit-officer").contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("nationalId", "093185000123").formParam("fullName", "")
                .formParam("dateOfBirth", "15/04/1985").formParam("gender", "FEMALE")
                .formParam("category", "CIVIL_SERVANT").formParam("orgUnitCode", UNIT)
                .post("/console/staff/" + KHANG).then().statusCode(200)
                .body(containsString("hx-post=\"/console/staff/" + KHANG + "\""))
                .body(containsString("<div class=\"error\" id=\"e-fullName\">Không được để trống.</div>"))
                .body(containsString("value=\"093185000123\""));
        // the service's own refusal of an edit: the form stays the edit form with the service's message
        write("unit-officer").contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("nationalId", "09318500012").formParam("fullName", "Nguyễn Thị Hồng Khang")
                .formParam("dateOfBirth", "15/04/1985").formParam("gender", "FEMALE")
                .formParam("category", "CIVIL_SERVANT").formParam("orgUnitCode", UNIT)
                .post("/console/staff/" + KHANG).then().statusCode(200)
                .body(containsString("hx-post=\"/console/staff/" + KHANG + "\""))
                .body(containsString("Số định danh cá nhân phải gồm đúng 12 chữ số"))
                .body(containsString("value=\"Nguyễn Thị Hồng Khang\""));
        write("unit-officer").contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("nationalId", "093185000123").formParam("fullName", "Nguyễn Thị Hồng Khang")
                .formParam("dateOfBirth", "15/04/1985").formParam("gender", "FEMALE")
                .formParam("category", "CIVIL_SERVANT").formParam("orgUnitCode", UNIT)
                .post("/console/staff/" + KHANG).then().statusCode(200)
                .header("HX-Redirect", equalTo("/console/staff/" + KHANG));
    }

    @Test
    void peoplePickedInOneSearchStayPickedInTheNext() {
        // a search answers choices, not checkboxes of the form: what it replaces holds nothing picked
        as("unit-officer").get("/console/nominations/people?q=nguyen").then().statusCode(200)
                .body(not(containsString("name=\"personnelId\"")))
                .body(containsString("hx-get=\"/console/nominations/pick\""))
                .body(containsString("Thành phố Vị Thanh"));
        // a choice joins the chosen list (which no search replaces), once
        as("unit-officer").get("/console/nominations/pick?pick=" + BINH + "&personnelId=" + KHANG).then().statusCode(200)
                .body(containsString("<input type=\"checkbox\" name=\"personnelId\" value=\"" + BINH + "\" checked>"))
                .body(containsString("Trần Văn Bình"));
        as("unit-officer").get("/console/nominations/pick?pick=" + KHANG + "&personnelId=" + KHANG).then().statusCode(200)
                .body(not(containsString("personnelId")));
    }

    @Test
    void aRejectionWithoutAReasonKeepsTheRowsButtons() {
        write("province-manager").contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("reason", " ")
                .post("/console/enrolments/" + NOMINATED + "/reject").then().statusCode(200)
                .header("HX-Retarget", equalTo("#msg-" + NOMINATED))
                .body(containsString("Hãy nhập lý do từ chối."));
        as("province-manager").get("/console/approvals").then().statusCode(200)
                .body(containsString("<div id=\"msg-" + NOMINATED + "\""));
    }

    @Test
    void codesAreShownByTheirNamesAndPickedByTypingWithoutDiacritics() {
        as("unit-officer").get("/console/staff/" + KHANG).then().statusCode(200)
                .body(containsString("<dt>Đơn vị</dt><dd>Thành phố Vị Thanh</dd>"))
                .body(containsString("<dt>Vị trí việc làm</dt><dd>Chuyên viên tổ chức cán bộ</dd>"))
                .body(containsString("<dt>Chức vụ</dt><dd>Phó Trưởng phòng</dd>"))
                .body(containsString("<dt>Ngạch</dt><dd>Chuyên viên</dd>"))
                .body(not(containsString("PHO_PHONG<")));
        as("unit-officer").get("/console/staff/" + KHANG + "/edit").then().statusCode(200)
                .body(containsString("name=\"titleCode\" value=\"PHO_PHONG\""))
                .body(containsString("value=\"Phó Trưởng phòng\""));
        as("unit-officer").queryParam("field", "titleCode").queryParam("id", "f-titleCode")
                .queryParam("titleCode-q", "pho truong").get("/console/pick/titles").then()
                .statusCode(200)
                .body(containsString("Phó Trưởng phòng"))
                .body(not(containsString(">Trưởng phòng<")));
        as("unit-officer").queryParam("field", "unit").queryParam("id", "unit").queryParam("unit-q", "vi thanh")
                .get("/console/pick/units").then().statusCode(200)
                .body(containsString("Thành phố Vị Thanh"));
        as("unit-officer").get("/console/pick/titles/chosen?field=titleCode&id=f-titleCode&code=TRUONG_PHONG").then()
                .statusCode(200)
                .body(containsString("name=\"titleCode\" value=\"TRUONG_PHONG\""))
                .body(containsString("value=\"Trưởng phòng\""));
    }

    @Test
    void reportFiltersThatMeanNothingAreFieldErrors() {
        as("unit-officer").get("/console/reports/training-summary?from=31/02/2022&to=30/06/2022").then().statusCode(200)
                .body(containsString("<div class=\"error\" id=\"e-from\">Ngày không hợp lệ"))
                .body(containsString("value=\"31/02/2022\""))
                .body(not(containsString("28/02/2022")));
        as("unit-officer").get("/console/reports/yearly-minimum?year=abc").then().statusCode(200)
                .body(containsString("<div class=\"error\" id=\"e-year\">Năm không hợp lệ"))
                .body(not(containsString("Không tìm thấy")));
    }

    @Test
    void anUnknownConsoleAddressIsAVietnamesePageOfTheConsole() {
        as("unit-officer").accept("text/html").get("/console/no-such-page").then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("Không tìm thấy trang"))
                .body(containsString("<nav class=\"menu\""));
        as("unit-officer").accept("text/html").get("/console/reports/no-such-report").then().statusCode(404)
                .body(containsString("Không tìm thấy trang"));
    }

    @Test
    void theWholeResultsSheetIsSavedAtOnceWithNothingPreselected() {
        as("institution-staff").get("/console/classes/" + CLASS + "/results").then().statusCode(200)
                .body(containsString("<option value=\"\" selected>— Chưa ghi —</option>"))
                .body(not(containsString("value=\"COMPLETED\" selected")))
                .body(not(containsString("value=\"EXCELLENT\" selected")));
        write("institution-staff").contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("outcome-" + APPROVED, "COMPLETED").formParam("grade-" + APPROVED, "GOOD")
                .formParam("credentialIssuedOn-" + APPROVED, "31/02/2026")
                .post("/console/classes/" + CLASS + "/results").then().statusCode(200)
                .body(containsString("Ngày cấp: Ngày không hợp lệ (dd/mm/yyyy)."))
                .body(containsString("Đã ghi 0/1 dòng"));
    }

    @Test
    void eachRoleLandsOnItsOwnWork() {
        as("staff").redirects().follow(false).get("/console").then().statusCode(303)
                .header("Location", containsString("/console/me"));
        as("institution-staff").redirects().follow(false).get("/console").then().statusCode(303)
                .header("Location", containsString("/console/my-classes"));
        as("institution-staff").get("/console/my-classes").then().statusCode(200)
                .body(containsString("LLCT-TC-2026-01"))
                .body(containsString("href=\"/console/classes/" + CLASS + "/results\""))
                .body(not(containsString("Vai trò của bạn không được")))
                .body(not(containsString("href=\"/console\">Tổng quan")));
        // the demo staff user of this realm: either their record or why there is none, never a refusal banner
        as("staff").get("/console/me").then().statusCode(200)
                .body(containsString("Hồ sơ của tôi"))
                .body(not(containsString("Vai trò của bạn không được")));
        as("unit-officer").get("/console").then().statusCode(200)
                .body(containsString("Việc chờ xử lý của đơn vị"))
                .body(containsString("<td>Trần Văn Bình</td>"))
                .body(containsString("hx-post=\"/console/requests/" + ServiceStubs.REQUEST + "/nominate\""))
                .body(not(containsString("Hàng đợi sự kiện lỗi")));
        // a leader reads the dashboard, without the actions of others
        as("leader").get("/console").then().statusCode(200)
                .body(not(containsString("href=\"/console/approvals\"")))
                .body(not(containsString("Việc chờ xử lý của đơn vị")));
    }

    @Test
    void theAdminSeesEachDeadLetterTopicAndReDrivesIt() {
        as("admin").get("/console").then().statusCode(200)
                .body(containsString("Hàng đợi sự kiện lỗi"))
                .body(containsString("<td>Cử đi học, kết quả</td>"))
                .body(containsString("training.enrolment.dlq"))
                .body(containsString("hx-post=\"/console/dead-letters/enrolment/training.enrolment.dlq/redrive\""));
        write("admin").post("/console/dead-letters/enrolment/training.enrolment.dlq/redrive").then().statusCode(200)
                .body(containsString("Đã gửi lại 2 bản ghi để xử lý lại."));
        write("unit-officer").post("/console/dead-letters/enrolment/training.enrolment.dlq/redrive").then()
                .statusCode(200).body(containsString("alert error"));
    }

    @Test
    void theApprovalQueueFiltersShowsSeatsAndCostAndDecidesManyAtOnce() {
        as("province-manager").get("/console/approvals?fit=WARN&classId=" + CLASS).then().statusCode(200)
                .body(containsString("<option value=\"WARN\" selected>Cần xem xét</option>"))
                .body(containsString("<td class=\"num\">60</td>")) // capacity 60, nobody approved in the stub
                .body(containsString("8.500.000\u00a0₫"))
                .body(containsString("form=\"bulk-form\" name=\"ids\" value=\"" + NOMINATED + "\""))
                .body(containsString("form=\"bulk-form\" name=\"class-" + NOMINATED + "\" value=\"" + CLASS + "\""));
        write("province-manager").contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("ids", NOMINATED).formParam("action", "reject").formParam("reason", "")
                .post("/console/approvals/bulk").then().statusCode(200)
                .body(containsString("Hãy nhập lý do từ chối chung."));
        write("province-manager").contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("ids", NOMINATED).formParam("name-" + NOMINATED, "Nguyễn Thị Hồng Khang")
                .formParam("action", "reject").formParam("reason", "Không đúng đối tượng")
                .post("/console/approvals/bulk").then().statusCode(200)
                .body(containsString("Đã từ chối 1/1 đề cử."))
                .body(containsString("<td>Nguyễn Thị Hồng Khang</td><td>Đã từ chối</td>"));
        write("province-manager").contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("ids", NOMINATED).formParam("action", "approve")
                .post("/console/approvals/bulk").then().statusCode(200)
                .body(containsString("Đã xử lý 1/1 đề cử."))
                .body(containsString("Đã duyệt"));
        // the queue's form carries each row's class: the rows of one class are approved with one call
        String unknown = "7b1c0e55-0000-4000-8000-00000000abcd";
        write("province-manager").contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("ids", NOMINATED, unknown).formParam("action", "approve")
                .formParam("name-" + NOMINATED, "Nguyễn Thị Hồng Khang").formParam("class-" + NOMINATED, CLASS)
                .formParam("name-" + unknown, "Lê Văn Tâm").formParam("class-" + unknown, CLASS)
                .post("/console/approvals/bulk").then().statusCode(200)
                .body(containsString("Đã xử lý 1/2 đề cử."))
                .body(containsString("<td>Nguyễn Thị Hồng Khang</td><td>Đã duyệt</td>"))
                .body(containsString("<td>Lê Văn Tâm</td><td><span class=\"error\">Không tìm thấy đề cử</span></td>"));
    }
}

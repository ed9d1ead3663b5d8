package vn.gov.training.deploy.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import vn.gov.training.deploy.ProvinceDay;
import vn.gov.training.platform.testing.MailBox;

/**
 * The console in a real browser against the whole system ({@code deploy/stack up}, test profile), logging in on the
 * real Keycloak page: a unit officer finds a person by typing the name without diacritics, nominates them and sees
 * the fit warning; a province manager approves; institution staff record the result; the dashboard and the training
 * summary show the new figures (with the drill-down to the person and the Excel download); the officer of another
 * unit cannot see the person. Institution staff also take the attendance of the class's session and record the
 * entry exam and the exit exam with a retake; the demo staff user asks to be sent to an open class from "Hồ sơ của
 * tôi" and their unit officer declines it from the unit's pending work. An account the officer creates in the console
 * receives Keycloak's set-password mail (read from the stack's SMTP server); the person sets a password on Keycloak's
 * page, signs in with it, lands on their record and turns off an optional notification. Each step is a test (in order)
 * and saves a screenshot under {@code target/screenshots}; a step whose predecessor failed is skipped, not failed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleJourneyIT {

    private static Browser browser;
    private static JourneyData data;
    private static String password;
    private static final Set<String> passed = new HashSet<>();
    private static String baselineTurns;
    private static String baselineSummary;
    /** The unit's training summary from January 1st to the end of the year of the class (it starts tomorrow). */
    private static final String SUMMARY = "/console/reports/training-summary?unit=HG.VT&from=01/01/"
            + ProvinceDay.today().getYear() + "&to=31/12/" + ProvinceDay.today().plusDays(1).getYear();

    @BeforeAll
    static void start() {
        password = JourneyStack.url("DEMO_PASSWORD");
        browser = new Browser(JourneyStack.url("GATEWAY_URL"));
        data = new JourneyData();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private static void done(String step) {
        passed.add(step);
    }

    private static void requires(String... steps) {
        for (String step : steps) {
            assumeTrue(passed.contains(step), "skipped: step '" + step + "' did not pass");
        }
    }

    @Test
    @Order(1)
    void s01_personThroughTheApi() {
        data.units();
        data.person();
        data.otherPeople();
        done("person");
    }

    @Test
    @Order(2)
    void s01b_openClassThroughTheApi() {
        data.programmeAndClass();
        done("class");
    }

    @Test
    @Order(3)
    void s02_unitOfficerLogsInOnKeycloakAndSeesTheDashboard() {
        browser.login("unit-officer", password);
        browser.screenshot("01-unit-officer-dashboard");
        assertTrue(browser.text().contains("Cán bộ tổ chức đơn vị"), "the header names the role");
        baselineTurns = browser.await(By.id("fig-turns")).getText();
        browser.open(SUMMARY);
        baselineSummary = browser.await(By.tagName("main")).getText();
        done("login");
    }

    @Test
    @Order(4)
    void s03_findsThePersonByTypingTheNameWithoutDiacritics() {
        requires("person", "login");
        browser.open("/console/staff");
        WebElement q = browser.await(By.id("q"));
        q.sendKeys(data.folded);
        By link = By.xpath("//a[contains(@class,'person-link') and normalize-space()='" + data.fullName + "']");
        browser.await(link);
        browser.screenshot("02-search-without-diacritics");
        browser.click(link);
        browser.wait.until(ExpectedConditions.textToBe(By.id("person-name"), data.fullName));
        browser.screenshot("03-person-page");
        done("found");
    }

    @Test
    @Order(5)
    void s03b_theOfficerAttachesEvidenceAndPlansThePersonFromThePersonPage() throws java.io.IOException {
        requires("found");
        String page = "/console/staff/" + data.personId;
        browser.open(page);
        // the evidence of the intermediate political theory the person holds: a PDF, stored and downloadable
        java.nio.file.Path pdf = java.nio.file.Path.of("target", "bang-trung-cap-" + data.suffix + ".pdf").toAbsolutePath();
        java.nio.file.Files.writeString(pdf, "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
        WebElement row = browser.await(By.xpath("//table[@id='qualifications']//tr[td[normalize-space()='Trung cấp']]"));
        row.findElement(By.cssSelector("input[type=file]")).sendKeys(pdf.toString());
        row.findElement(By.cssSelector("form.evidence-upload button")).click();
        browser.wait.until(d -> row.findElement(By.cssSelector("[id$='-result']")).getText().contains("Đã đính kèm"));
        browser.open(page);
        WebElement link = browser.await(By.cssSelector("#qualifications a.evidence"));
        java.util.List<Object> file = browser.fetch(link.getAttribute("href"));
        assertEquals(200L, ((Number) file.get(0)).longValue(), "evidence download: " + file);
        assertTrue(file.get(1).toString().startsWith("application/pdf"), "a PDF: " + file);
        browser.screenshot("03c-evidence-attached");
        // a succession plan, added from the page and then removed with a reason
        browser.raw().findElement(By.xpath("//details[summary[normalize-space()='Đưa vào quy hoạch']]/summary")).click();
        WebElement title = browser.await(By.id("s-titleCode"));
        title.sendKeys("pho truong phong");
        browser.click(By.xpath("//ul[@id='pk-s-titleCode-list']//button[1]"));
        browser.wait.until(d -> {
            try {
                return !d.findElement(By.cssSelector("#add-plan input[type=hidden][name=titleCode]"))
                        .getAttribute("value").isBlank();
            } catch (org.openqa.selenium.StaleElementReferenceException swapped) {
                return false;
            }
        });
        browser.raw().findElement(By.id("s-termStart")).sendKeys("2025");
        browser.raw().findElement(By.id("s-termEnd")).sendKeys("2030");
        browser.raw().findElement(By.id("s-decisionNumber")).sendKeys("88/QĐ-UBND");
        browser.raw().findElement(By.cssSelector("#add-plan button[type=submit]")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("plan-result"), "Đã đưa vào quy hoạch"));
        browser.open(page);
        WebElement plan = browser.await(By.xpath("//table[@id='plans']//tr[td[contains(normalize-space(), '88/QĐ-UBND')]]"));
        plan.findElement(By.cssSelector("details.plan-actions summary")).click();
        WebElement reason = plan.findElement(By.cssSelector("form.plan-remove input[name=reason]"));
        browser.wait.until(ExpectedConditions.visibilityOf(reason));
        reason.sendKeys("Chuyển sang quy hoạch chức danh khác");
        plan.findElement(By.cssSelector("form.plan-remove button")).click();
        browser.wait.until(d -> plan.findElement(By.cssSelector("[id$='-result']")).getText()
                .contains("Đã đưa ra khỏi quy hoạch"));
        browser.screenshot("03d-plan-removed");
        browser.open(page);
        assertTrue(browser.await(By.id("plans")).getText().contains("Chuyển sang quy hoạch chức danh khác"),
                "the removal and its reason are on the page");
        done("record-kept");
    }

    @Test
    @Order(6)
    void s04_nominatesToAnOpenClassAndSeesTheFitWarning() {
        requires("found", "class");
        browser.await(By.id("nominate-person")).click();
        new Select(browser.await(By.id("classId"))).selectByValue(data.classId);
        browser.await(By.id("assess")).click();
        WebElement fit = browser.await(By.cssSelector(".fit-result"));
        browser.screenshot("04-fit-warning");
        assertTrue(!fit.findElements(By.cssSelector(".badge.WARN, .badge.MISFIT")).isEmpty(),
                "a fit warning is shown: " + fit.getText());
        browser.raw().findElement(By.id("decisionNumber")).sendKeys("123/QĐ-UBND");
        browser.raw().findElement(By.id("decisionDate")).sendKeys(ProvinceDay.today()
                .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        browser.raw().findElement(By.id("justification")).sendKeys(
                "Cử đi học để chuẩn hóa theo quy hoạch; đã có trung cấp nhưng cần học lại theo chương trình mới.");
        browser.raw().findElement(By.id("submit-nomination")).click();
        browser.await(By.id("nominated"));
        browser.screenshot("05-nominated");
        done("nominated");
    }

    @Test
    @Order(7)
    void s04b_twoPeoplePickedInTwoSearchesAreBothNominated() {
        requires("login", "person", "class");
        browser.open("/console/nominations/new");
        for (int i = 0; i < 2; i++) {
            WebElement q = browser.await(By.id("people-q"));
            q.clear();
            q.sendKeys(data.others[i]);
            browser.click(By.xpath("//div[@id='people-found']//li[contains(normalize-space(), '" + data.otherNames[i]
                    + "')]/button"));
            browser.await(By.xpath("//div[@id='people']//input[@value='" + data.otherIds[i] + "']"));
        }
        browser.screenshot("05b-two-people-picked");
        assertEquals(2, browser.raw().findElements(By.cssSelector("#people input[name=personnelId]:checked")).size(),
                "both people stay picked after the second search");
        new Select(browser.await(By.id("classId"))).selectByValue(data.classId);
        browser.raw().findElement(By.id("decisionNumber")).sendKeys("124/QĐ-UBND");
        browser.raw().findElement(By.id("decisionDate")).sendKeys(ProvinceDay.today()
                .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        browser.raw().findElement(By.id("submit-nomination")).click();
        WebElement result = browser.await(By.id("bulk-result"));
        browser.screenshot("05c-two-nominated");
        for (String name : data.otherNames) {
            assertTrue(result.getText().contains(name) , "nominated: " + name + " in " + result.getText());
        }
        assertTrue(browser.await(By.id("nominated")).getText().contains("Đã gửi 2 đề cử"), "two nominations");
        done("two-nominated");
    }

    @Test
    @Order(8)
    void s04c_aPersonFormWithBadInputKeepsWhatWasTypedAndShowsTheFieldErrors() {
        requires("login");
        browser.open("/console/staff/new");
        browser.await(By.id("f-nationalId")).sendKeys("09318500012");
        browser.raw().findElement(By.id("f-dateOfBirth")).sendKeys("31/02/1992");
        new Select(browser.raw().findElement(By.id("f-gender"))).selectByValue("FEMALE");
        new Select(browser.raw().findElement(By.id("f-category"))).selectByValue("CIVIL_SERVANT");
        // the unit is picked by typing its name without diacritics
        WebElement unit = browser.raw().findElement(By.id("f-orgUnitCode"));
        unit.clear();
        unit.sendKeys("vi thanh");
        browser.click(By.xpath("//ul[@id='pk-f-orgUnitCode-list']//button[normalize-space()='Thành phố Vị Thanh']"));
        browser.wait.until(d -> { // htmx may swap the picker between finding the field and reading it
            try {
                return "HG.VT".equals(d.findElement(By.cssSelector("#person-form input[type=hidden][name=orgUnitCode]"))
                        .getAttribute("value"));
            } catch (org.openqa.selenium.StaleElementReferenceException swapped) {
                return false;
            }
        });
        browser.raw().findElement(By.cssSelector("#person-form button[type=submit]")).click();
        WebElement idError = browser.await(By.id("e-nationalId"));
        browser.screenshot("03b-person-form-errors");
        assertTrue(idError.getText().contains("12 chữ số"), "the ID's error: " + idError.getText());
        assertTrue(browser.await(By.id("e-fullName")).isDisplayed(), "the empty name is flagged");
        assertTrue(browser.await(By.id("e-dateOfBirth")).getText().contains("dd/mm/yyyy"), "the impossible date is flagged");
        assertEquals("09318500012", browser.raw().findElement(By.id("f-nationalId")).getAttribute("value"));
        assertEquals("31/02/1992", browser.raw().findElement(By.id("f-dateOfBirth")).getAttribute("value"));
        assertEquals("/console/staff", browser.raw().findElement(By.id("person-form")).getAttribute("hx-post"),
                "still the create form");
        done("form-errors");
    }

    @Test
    @Order(9)
    void s04d_badReportFiltersAndUnknownPagesAreSaidInVietnamese() {
        requires("login");
        browser.open("/console/reports/training-summary?unit=HG.VT&from=31/02/2022&to=30/06/2022");
        WebElement error = browser.await(By.id("e-from"));
        assertTrue(error.getText().contains("Ngày không hợp lệ"), error.getText());
        assertEquals("31/02/2022", browser.raw().findElement(By.id("r-from")).getAttribute("value"));
        browser.screenshot("04d-report-filter-error");
        browser.open("/console/trang-khong-co");
        assertTrue(browser.await(By.id("not-found")).getText().contains("Không tìm thấy trang"));
        assertFalse(browser.raw().findElements(By.cssSelector("nav.menu")).isEmpty(), "the page is in the layout");
        browser.screenshot("04e-not-found");
        done("messages");
    }

    @Test
    @Order(10)
    void s05_provinceManagerApproves() {
        requires("nominated");
        browser.logout();
        browser.login("province-manager", password);
        browser.open("/console/approvals?classId=" + data.classId);
        WebElement row = browser.await(By.xpath("//table[contains(@class,'approval-queue')]//tr[td[normalize-space()='"
                + data.fullName + "']]"));
        browser.screenshot("06-approval-queue");
        // a rejection without a reason is refused beside the row, whose buttons stay
        row.findElement(By.cssSelector("button.danger")).click();
        WebElement refusal = browser.wait.until(d -> {
            var alerts = row.findElements(By.cssSelector(".row-message .alert.error"));
            return alerts.isEmpty() ? null : alerts.get(0);
        });
        assertTrue(refusal.getText().contains("lý do"), "the missing reason is named: " + refusal.getText());
        browser.screenshot("06b-reject-without-reason");
        row.findElement(By.cssSelector("button.approve")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert.ok")));
        browser.screenshot("07-approved");
        done("approved");
    }

    @Test
    @Order(11)
    void s06_institutionStaffRecordTheResult() {
        requires("approved");
        data.startClass();
        browser.logout();
        browser.login("institution-staff", password);
        browser.open("/console/classes/" + data.classId + "/results");
        // attendance of the class's (first) session
        WebElement attendance = browser.await(By.xpath("//table[@id='attendance-sheet']//tr[td[normalize-space()='"
                + data.fullName + "']]"));
        new Select(attendance.findElement(By.tagName("select"))).selectByValue("PRESENT");
        browser.await(By.id("save-attendance")).click();
        WebElement saved = browser.wait.until(d -> {
            var alerts = d.findElements(By.cssSelector("#attendance-result .alert"));
            return alerts.isEmpty() ? null : alerts.get(0);
        });
        browser.screenshot("08a-attendance-saved");
        assertTrue(saved.getAttribute("class").contains("ok"), "attendance saved: " + saved.getText());
        // entry exam passed, exit exam failed, then passed on the retake the programme allows
        browser.open("/console/classes/" + data.classId + "/exams");
        sitExam("ENTRY", "true", "8", "Sát hạch đầu vào lần 1: Đạt");
        sitExam("EXIT", "false", "4", "Sát hạch đầu ra lần 1: Không đạt");
        sitExam("EXIT", "true", "7,5", "Sát hạch đầu ra lần 2: Đạt");
        browser.screenshot("08b-exams-with-retake");
        browser.open("/console/classes/" + data.classId + "/exams");
        String sittings = browser.await(By.xpath("//table[@id='exams-sheet']//tr[td[normalize-space()='"
                + data.fullName + "']]")).getText();
        assertTrue(sittings.contains("Sát hạch đầu ra lần 1: 4 điểm, Không đạt")
                && sittings.contains("Sát hạch đầu ra lần 2: 7,5 điểm, Đạt"), "every sitting is listed: " + sittings);
        browser.open("/console/classes/" + data.classId + "/results");
        assertTrue(browser.await(By.id("attendance-sheet")).getText().contains("đã ghi: Có mặt"),
                "the saved attendance is shown again");
        WebElement row = browser.await(By.xpath("//table[@id='results-sheet']//tr[td[normalize-space()='"
                + data.fullName + "']]"));
        Select outcome = new Select(row.findElement(By.cssSelector("select[name^=outcome-]")));
        assertEquals("", outcome.getFirstSelectedOption().getAttribute("value"), "nothing is pre-selected");
        assertEquals("", new Select(row.findElement(By.cssSelector("select[name^=grade-]")))
                .getFirstSelectedOption().getAttribute("value"), "no grade is pre-selected");
        outcome.selectByValue("COMPLETED");
        new Select(row.findElement(By.cssSelector("select[name^=grade-]"))).selectByValue("GOOD");
        row.findElement(By.cssSelector("input[name^=credentialNumber-]")).sendKeys("TC-" + data.suffix);
        WebElement issued = row.findElement(By.cssSelector("input[name^=credentialIssuedOn-]"));
        issued.sendKeys("31/02/2026");
        row.findElement(By.cssSelector("input[name^=periodsAttended-]")).sendKeys("120");
        browser.raw().findElement(By.id("save-results")).click();
        WebElement refused = browser.await(By.cssSelector("#results-outcome tr.refused"));
        assertTrue(refused.getText().contains("Ngày không hợp lệ"), "a bad date is flagged: " + refused.getText());
        browser.screenshot("08-results-sheet-bad-date");
        issued.clear();
        issued.sendKeys(ProvinceDay.today().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        browser.raw().findElement(By.id("save-results")).click();
        WebElement outcomeRow = browser.await(By.cssSelector("#results-outcome tr.saved"));
        browser.screenshot("09-result-recorded");
        assertTrue(outcomeRow.getText().contains(data.fullName), "the whole sheet was saved: " + outcomeRow.getText());
        assertTrue(browser.await(By.id("results-summary")).getAttribute("class").contains("ok"), "all rows saved");
        done("result");
    }

    /** One sitting of the journey's learner on the exams sheet, saved; waits until the sheet says what it recorded. */
    private static void sitExam(String kind, String passed, String score, String expected) {
        new Select(browser.await(By.id("exam-kind"))).selectByValue(kind);
        WebElement row = browser.await(By.xpath("//table[@id='exams-sheet']//tr[td[normalize-space()='"
                + data.fullName + "']]"));
        new Select(row.findElement(By.cssSelector("select[name^=passed-]"))).selectByValue(passed);
        WebElement mark = row.findElement(By.cssSelector("input[name^=score-]"));
        mark.clear();
        mark.sendKeys(score);
        browser.raw().findElement(By.id("save-exams")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("exams-saved"), expected));
        assertTrue(browser.await(By.id("exams-summary")).getAttribute("class").contains("ok"),
                "sitting saved: " + browser.raw().findElement(By.id("exams-saved")).getText());
    }

    @Test
    @Order(12)
    void s07_dashboardAndTrainingSummaryShowTheNewFigures() {
        requires("result");
        browser.logout();
        browser.login("unit-officer", password);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String turns = baselineTurns;
        while (Instant.now().isBefore(deadline) && turns.equals(baselineTurns)) {
            browser.open("/console");
            turns = browser.await(By.id("fig-turns")).getText();
        }
        browser.screenshot("10-dashboard-after");
        assertNotEquals(baselineTurns, turns, "the dashboard counts the new training turn");
        browser.open(SUMMARY);
        String summary = browser.await(By.tagName("main")).getText();
        browser.screenshot("11-training-summary");
        assertNotEquals(baselineSummary, summary, "the training summary changed");
        assertTrue(summary.contains("Lý luận chính trị"), "the category appears in the summary");
        done("figures");
    }

    @Test
    @Order(13)
    void s07b_theTrainingSummaryDrillsDownAndDownloadsAsExcel() {
        requires("figures");
        browser.open(SUMMARY);
        String excel = browser.await(By.id("excel")).getAttribute("href");
        java.util.List<Object> file = browser.fetch(excel);
        assertEquals(200L, ((Number) file.get(0)).longValue(), "Excel download status: " + file);
        assertTrue(file.get(1).toString().startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                "an .xlsx file: " + file);
        assertEquals(java.util.List.of(80L, 75L), ((java.util.List<?>) file.get(3)).stream()
                .map(b -> ((Number) b).longValue()).toList(), "a zip (xlsx) file starts with PK");
        browser.raw().findElement(By.xpath("//tr[td[normalize-space()='Trung cấp']]"
                + "//a[starts-with(@href,'/console/reports/drill') and normalize-space()='Lý luận chính trị']"))
                .click();
        WebElement details = browser.await(By.id("report-details"));
        browser.screenshot("11b-training-summary-details");
        assertTrue(details.getText().contains(data.fullName), "the drill-down lists the person: " + details.getText());
        done("excel");
    }

    @Test
    @Order(14)
    void s08_theOfficerOfAnotherUnitCannotSeeThePerson() {
        requires("person", "login");
        browser.logout();
        browser.login("unit-officer-2", password);
        browser.open("/console/staff?q=" + java.net.URLEncoder.encode(data.folded, java.nio.charset.StandardCharsets.UTF_8));
        browser.await(By.id("results"));
        browser.screenshot("12-other-unit-search");
        assertFalse(browser.text().contains(data.fullName), "not in the other unit's search");
        browser.open("/console/staff/" + data.personId);
        WebElement main = browser.await(By.tagName("main"));
        browser.screenshot("13-other-unit-person-page");
        assertFalse(main.getText().contains(data.fullName), "the person page does not show the person");
        assertEquals(1, main.findElements(By.cssSelector(".alert.error")).size(), "a refusal is shown");
        done("scoped");
    }

    @Test
    @Order(15)
    void s09_aStaffFileWithAnInvalidRowIsRejectedWithItsRowErrors() throws java.io.IOException {
        requires("login");
        // a one-row staff list whose national ID is not 12 digits: in "all or nothing" mode nothing is imported
        java.nio.file.Path file = java.nio.file.Path.of("target", "journey-import-" + data.suffix + ".csv").toAbsolutePath();
        java.nio.file.Files.writeString(file, "Số định danh cá nhân,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Đối tượng,Mã đơn vị\n"
                + "12345,Lê Thị Kiểm Thử,14/03/1985,Nữ,Kinh,Công chức,HG.CT\n");
        browser.open("/console/staff/import");
        browser.await(By.id("import-template"));
        browser.raw().findElement(By.id("file")).sendKeys(file.toString());
        browser.raw().findElement(By.cssSelector("form button[type=submit]")).click();
        // the job's fragment polls itself every second until the job has finished
        WebElement status = browser.wait.until(d -> {
            var found = d.findElements(By.cssSelector("#import-job:not([hx-trigger]) #import-status"));
            return found.isEmpty() ? null : found.get(0);
        });
        browser.screenshot("14-import-rejected");
        assertTrue(status.getText().contains("không dòng nào được nhập"), "nothing imported: " + status.getText());
        WebElement errors = browser.await(By.id("import-errors"));
        assertTrue(errors.getText().contains("Số định danh cá nhân"), "the row error names the column: " + errors.getText());
        done("import");
    }

    /** A role's landing page, at 1366 px and at 390 px (no sideways scrolling on a phone), saved as screenshots. */
    private static void landing(String role, String expectedPath, By mark) {
        browser.logout();
        browser.screenshot("login-" + role);
        WebElement page = browser.raw().findElement(By.tagName("body"));
        assertTrue(page.getText().contains("Mật khẩu"), "Keycloak's login page speaks Vietnamese: " + page.getText());
        browser.login(role, password);
        browser.await(mark);
        assertTrue(browser.raw().getCurrentUrl().contains(expectedPath), role + " lands on " + browser.raw().getCurrentUrl());
        assertFalse(browser.text().contains("Vai trò của bạn không được thực hiện"), role + " sees no refusal banner");
        browser.screenshot("landing-" + role + "-1366");
        browser.size(390, 844);
        try {
            browser.open(expectedPath);
            browser.await(mark);
            browser.screenshot("landing-" + role + "-390");
            assertFalse(browser.overflowsSideways(), role + "'s landing page scrolls sideways at 390 px");
        } finally {
            browser.size(1366, 900);
        }
    }

    @Test
    @Order(16)
    void s10_staffLandOnTheirOwnRecord() {
        requires("login");
        landing("staff", "/console/me", By.id("person-name"));
        assertEquals("Đặng Thị Mai", browser.await(By.id("person-name")).getText());
        assertTrue(browser.await(By.id("training-history")).isDisplayed(), "their training history");
        assertTrue(browser.await(By.id("my-requests")).isDisplayed(), "their requests");
        assertTrue(browser.raw().findElements(By.linkText("Sửa hồ sơ")).isEmpty(), "no action they may not take");
        assertTrue(browser.await(By.id("commitments")).isDisplayed(), "their service commitments");
        // "Đề nghị cử đi học": the open class is offered; the request reaches their unit officer (next step)
        data.requestClass();
        browser.open("/console/me");
        WebElement offered = browser.await(By.xpath("//table[@id='open-classes']//tr[td/a[normalize-space()='"
                + data.requestClassCode + "']]"));
        offered.findElement(By.cssSelector("input[name=note]")).sendKeys("Xin được học để chuẩn hóa chức danh");
        offered.findElement(By.cssSelector("button.request-button")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("request-result-" + data.requestClassId), "Đã gửi đề nghị"));
        browser.screenshot("16-staff-request-sent");
        browser.open("/console/me");
        WebElement mine = browser.await(By.id("my-requests"));
        assertTrue(mine.getText().contains(data.requestClassCode) && mine.getText().contains("Chờ xử lý"),
                "the request is listed as pending: " + mine.getText());
        assertTrue(browser.raw().findElements(By.xpath("//table[@id='open-classes']//a[normalize-space()='"
                + data.requestClassCode + "']")).isEmpty(), "a class asked for is no longer offered");
        done("staff");
    }

    @Test
    @Order(17)
    void s11_institutionStaffLandOnTheirClassesOfTheMonth() {
        requires("login");
        landing("institution-staff", "/console/my-classes", By.id("my-classes"));
        done("institution");
    }

    @Test
    @Order(18)
    void s12_unitOfficersLandOnTheirUnitsPendingWork() {
        requires("login");
        landing("unit-officer", "/console", By.id("pending-work"));
        // the staff list with the filters on screen, as an Excel file
        browser.open("/console/staff?category=CIVIL_SERVANT");
        java.util.List<Object> file = browser.fetch(browser.await(By.id("staff-excel")).getAttribute("href"));
        assertEquals(200L, ((Number) file.get(0)).longValue(), "staff list download: " + file);
        assertEquals(java.util.List.of(80L, 75L), ((java.util.List<?>) file.get(3)).stream()
                .map(b -> ((Number) b).longValue()).toList(), "an .xlsx file (a zip) starts with PK");
        browser.open("/console");
        browser.await(By.id("pending-work"));
        if (passed.contains("staff")) {
            // the staff's request is in the unit's pending work; declined here with a reason, it leaves the list
            By row = By.xpath("//table[@id='pending-requests']//tr[td[contains(normalize-space(), '"
                    + data.requestClassCode + "')]]");
            WebElement request = browser.await(row);
            assertTrue(request.getText().contains("Đặng Thị Mai"), "who asked: " + request.getText());
            assertTrue(request.getText().contains("Xin được học để chuẩn hóa chức danh"), "with their note");
            request.findElement(By.xpath(".//summary[normalize-space()='Từ chối']")).click();
            WebElement reason = request.findElement(By.cssSelector("form.request-decline input[name=reason]"));
            browser.wait.until(ExpectedConditions.visibilityOf(reason));
            reason.sendKeys("Đơn vị đã cử đủ người cho lớp này");
            request.findElement(By.cssSelector("button.decline-request")).click();
            browser.wait.until(d -> request.findElement(By.cssSelector("[id$='-result']")).getText()
                    .contains("Đã từ chối đề nghị"));
            browser.screenshot("17-officer-declined-request");
            browser.open("/console");
            browser.await(By.id("pending-requests"));
            assertTrue(browser.raw().findElements(row).isEmpty(), "a declined request is no longer pending");
        }
        done("officer");
    }

    @Test
    @Order(19)
    void s13_leadersAndTheProvinceLandOnTheDashboard() {
        requires("login");
        landing("leader", "/console", By.id("fig-turns"));
        assertTrue(browser.raw().findElements(By.cssSelector("a[href='/console/approvals']")).isEmpty(),
                "a leader is offered no approval");
        landing("province-manager", "/console", By.id("fig-turns"));
        // a chart's bar says its full label on hover and drills down when clicked: a year's bar opens that year's summary
        WebElement bar = browser.await(By.cssSelector("svg.chart a[href^='/console/reports/training-summary']"));
        String label = bar.findElement(By.tagName("title")).getAttribute("textContent");
        assertTrue(label.startsWith("Năm "), "the bar's tooltip: " + label);
        bar.click();
        browser.await(By.xpath("//h1[contains(normalize-space(), 'Tổng hợp kết quả đào tạo')]"));
        assertTrue(browser.raw().getCurrentUrl().contains("from=01%2F01%2F" + label.substring(4, 8)),
                "the year clicked is the period shown: " + browser.raw().getCurrentUrl());
        browser.screenshot("18-chart-drill-down");
        done("leader");
    }

    @Test
    @Order(20)
    void s14_theAdminSeesTheDeadLetterTopics() {
        requires("login");
        landing("admin", "/console", By.id("dead-letters"));
        assertTrue(browser.await(By.id("dead-letters")).getText().contains("Hồ sơ cán bộ"),
                "each service's topics are listed by the service's Vietnamese name");
        done("admin");
    }

    @Test
    @Order(21)
    void s15_aHistoryFileWithAnUnknownPersonIsRejectedWithItsRowErrors() throws java.io.IOException {
        requires("login");
        // a one-row history file naming a national ID nobody holds: in "all or nothing" mode nothing is imported
        java.nio.file.Path file = java.nio.file.Path.of("target", "journey-history-" + data.suffix + ".csv").toAbsolutePath();
        java.nio.file.Files.writeString(file, "Số định danh cá nhân,Mã chương trình,Loại chương trình,Trình độ,Mã lớp,"
                + "Mã cơ sở đào tạo,Ngày bắt đầu,Ngày kết thúc,Kết quả,Xếp loại,Ngày hoàn thành,Số văn bằng/chứng chỉ,"
                + "Kinh phí (VND),Nguồn kinh phí\n"
                + "099999000001,,Lý luận chính trị,Trung cấp,,TCT-HG,02/03/2020,29/05/2020,Hoàn thành,Khá,,,,\n");
        browser.open("/console");
        browser.raw().findElement(By.cssSelector("nav.menu a[href='/console/history-import']")).click();
        browser.await(By.id("history-template"));
        browser.raw().findElement(By.id("file")).sendKeys(file.toString());
        browser.raw().findElement(By.cssSelector("form button[type=submit]")).click();
        WebElement status = browser.wait.until(d -> {
            var found = d.findElements(By.cssSelector("#import-job:not([hx-trigger]) #import-status"));
            return found.isEmpty() ? null : found.get(0);
        });
        browser.screenshot("15-history-import-rejected");
        assertTrue(status.getText().contains("không dòng nào được nhập"), "nothing imported: " + status.getText());
        WebElement errors = browser.await(By.id("import-errors"));
        assertTrue(errors.getText().contains("Số định danh cá nhân"), "the row error names the column: " + errors.getText());
        done("history-import");
    }

    @Test
    @Order(22)
    void s16_aCreatedAccountReceivesItsSetPasswordMailAndLogsIn() {
        requires("login");
        data.newcomer();
        // the unit officer creates the account on the person page; the console says the mail is on its way
        browser.logout();
        browser.login("unit-officer", password);
        browser.open("/console/staff/" + data.newcomerId);
        browser.wait.until(ExpectedConditions.textToBe(By.id("person-name"), data.newcomerName));
        browser.click(By.xpath("//div[@id='account']//button[normalize-space()='Tạo tài khoản']"));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("account"),
                "Đã tạo tài khoản đăng nhập cho cán bộ."));
        browser.screenshot("18-account-created");
        String username = data.accountOf(data.newcomerId);
        browser.logout();

        // Keycloak's mail in the stack's SMTP server, in Vietnamese, with the link to set the password
        MailBox.Mail mail = MailBox.await(data.newcomerMail(), Duration.ofSeconds(90),
                m -> m.subject().equals("Đặt mật khẩu cho tài khoản đăng nhập"));
        String link = mail.link("/login-actions/action-token");
        browser.raw().get(link);
        By passwordField = By.name("password-new");
        By proceed = By.xpath("//a[contains(@href,'login-actions')]");
        browser.wait.until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(passwordField),
                ExpectedConditions.visibilityOfElementLocated(proceed)));
        if (browser.raw().findElements(passwordField).isEmpty()) {
            // Keycloak first asks to confirm the action ("Nhấn vào đây để tiếp tục")
            browser.click(proceed);
        }
        String chosen = "Mat-Khau@" + data.suffix;
        browser.await(passwordField).sendKeys(chosen);
        browser.raw().findElement(By.name("password-confirm")).sendKeys(chosen);
        browser.screenshot("19-keycloak-set-password");
        assertTrue(browser.text().contains("mật khẩu") || browser.text().contains("Mật khẩu"),
                "Keycloak's page speaks Vietnamese: " + browser.text());
        browser.raw().findElement(By.xpath("//form[.//input[@name='password-new']]//*[@type='submit']")).click();
        browser.wait.until(d -> browser.text().contains("Đã đặt mật khẩu cho tài khoản."));

        // with it the person signs in to the console and lands on their own record
        browser.login(username, chosen);
        browser.wait.until(ExpectedConditions.textToBe(By.id("person-name"), data.newcomerName));
        assertTrue(browser.raw().getCurrentUrl().contains("/console/me"), "lands on " + browser.raw().getCurrentUrl());
        browser.screenshot("20-new-account-landing");

        // and chooses which mails to receive: an optional kind turned off, the mandatory ones always on
        WebElement rescheduled = browser.await(By.id("notify-CLASS_RESCHEDULED"));
        assertTrue(rescheduled.getText().contains("Lớp học thay đổi lịch") && rescheduled.getText().contains("Đang nhận"),
                rescheduled.getText());
        assertTrue(browser.await(By.id("notify-COMMITMENT_BREACHED")).getText().contains("Luôn nhận (bắt buộc)"));
        browser.click(By.cssSelector("#notify-CLASS_RESCHEDULED button"));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notifications"), "Đã tắt thông báo."));
        browser.open("/console/me");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notify-CLASS_RESCHEDULED"), "Đã tắt"));
        browser.screenshot("21-notification-preferences");
        done("new-account");
    }
}

package vn.gov.training.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.gov.training.gateway.console.ApiResult;
import vn.gov.training.gateway.console.client.CourseApi;
import vn.gov.training.gateway.console.client.EnrolmentApi;
import vn.gov.training.gateway.console.client.PersonnelApi;
import vn.gov.training.gateway.console.client.ReportFilters;
import vn.gov.training.gateway.console.client.ReportingApi;
import vn.gov.training.gateway.console.client.ServiceAnswers;
import vn.gov.training.gateway.console.client.ServiceClients;
import vn.gov.training.gateway.proxy.RouteTable;

/** What the console's REST clients send to the services (the echo stubs answer with what reached them). */
@QuarkusTest
@WithTestResource(StubServices.class)
class ConsoleClientsTest {

    @Inject
    PersonnelApi personnel;
    @Inject
    CourseApi course;
    @Inject
    EnrolmentApi enrolment;
    @Inject
    ReportingApi reporting;
    @Inject
    ServiceClients services;
    @Inject
    ServiceAnswers answers;

    @Test
    void aJsonPostCarriesItsBodyAnIdempotencyKeyAndAcceptsProblems() {
        ApiResult echo = answers.of(personnel.create(Map.of("fullName", "Lê Văn Tám")));
        assertEquals(200, echo.status());
        assertEquals("POST", echo.map().get("method"));
        assertEquals("/api/personnel", echo.map().get("uri"));
        assertEquals("{\"fullName\":\"Lê Văn Tám\"}", echo.map().get("body"));
        assertTrue(String.valueOf(echo.map().get("contentType")).startsWith("application/json"));
        assertNotNull(echo.map().get("idempotencyKey"));
        assertEquals("application/json, application/problem+json", echo.map().get("accept"));
    }

    @Test
    void aFileGoesAsTheRawBodyWithItsOwnType() {
        ApiResult echo = answers.of(personnel.importStaff("VALID_ROWS", "danh sách.csv", "text/csv",
                "a;b".getBytes(StandardCharsets.UTF_8)));
        assertEquals("/api/personnel/imports?mode=VALID_ROWS&fileName=danh+s%C3%A1ch.csv", echo.map().get("uri"));
        assertEquals("text/csv", echo.map().get("contentType"));
        assertEquals("a;b", echo.map().get("body"));
        assertNull(echo.map().get("idempotencyKey"));
    }

    @Test
    void typedFiltersBecomeTheQueryAndUnsetOnesAreLeftOut() {
        ApiResult echo = answers.of(reporting.report("training-summary",
                ReportFilters.between("HG-SNV", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))));
        assertEquals("reporting", echo.map().get("service"));
        assertEquals("/api/reports/training-summary?unit=HG-SNV&from=2025-01-01&to=2025-12-31", echo.map().get("uri"));
        ApiResult rows = answers.of(reporting.rowsBehind("fit", "details", Map.of("fit", "WARN"), 2, 50));
        assertEquals("/api/reports/fit/details?fit=WARN&page=2&size=50", rows.map().get("uri"));
    }

    @Test
    void aWorkbookIsAskedForAsExcelAndComesBackAsBytes() throws Exception {
        ServiceAnswers.Download file = answers.download(reporting.workbook("annual", ReportFilters.of("HG", 2025)));
        assertEquals(200, file.status());
        Map<?, ?> echo = new ObjectMapper().readValue(file.bytes(), Map.class);
        assertEquals("/api/reports/annual?unit=HG&year=2025&format=xlsx", echo.get("uri"));
        assertEquals(ReportingApi.XLSX + ", application/problem+json", echo.get("accept"));
    }

    @Test
    void aCredentialNumberIsOnePathSegmentWhateverItHolds() {
        ApiResult echo = answers.of(enrolment.verifyCredential("B 12/2025"));
        assertEquals("/api/credentials/B%2012%2F2025/verify", echo.map().get("uri"));
    }

    @Test
    void eachServiceAnswersForItsOwnDeadLetters() {
        ApiResult echo = answers.of(services.deadLetters(RouteTable.ENROLMENT).redrive("training.enrolment.dlq"));
        assertEquals("enrolment", echo.map().get("service"));
        assertEquals("POST", echo.map().get("method"));
        assertEquals("/api/admin/dead-letters/training.enrolment.dlq/redrive", echo.map().get("uri"));
        assertNull(echo.map().get("idempotencyKey"));
    }

    @Test
    void aServiceThatIsDownOrSilentIsAProblemNotAnException() {
        ApiResult down = answers.of(course.openClasses(1));
        assertEquals(503, down.status());
        assertEquals("Không kết nối được tới dịch vụ. Vui lòng thử lại sau ít phút.", down.message());
        ApiResult silent = answers.of(reporting.report("slow", ReportFilters.of(null, 2025)));
        assertEquals(504, silent.status());
        assertEquals("Dịch vụ không trả lời kịp thời. Vui lòng thử lại sau.", silent.message());
    }

    @Test
    void anErrorStatusComesBackAsAValue() {
        ApiResult broken = answers.of(reporting.report("broken", ReportFilters.of(null, 2025)));
        assertEquals(500, broken.status());
        assertNull(broken.body()); // an HTML page is no problem document
    }
}

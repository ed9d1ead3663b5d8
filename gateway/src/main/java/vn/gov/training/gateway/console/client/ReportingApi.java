package vn.gov.training.gateway.console.client;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;

/** What the console asks of reporting-service: the reports (as JSON or Excel) and the lists behind their figures. */
@Produces(MediaType.APPLICATION_JSON)
public interface ReportingApi {

    String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @GET
    @Path("/api/reports/{report}")
    CompletionStage<Response> report(@PathParam("report") String report, @QueryParam("unit") String unit,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to, @QueryParam("at") LocalDate at,
            @QueryParam("compareTo") LocalDate compareTo, @QueryParam("year") Integer year,
            @QueryParam("staffCategory") String staffCategory);

    default CompletionStage<Response> report(String report, ReportFilters filters) {
        return report(report, filters.unit(), filters.from(), filters.to(), filters.at(), filters.compareTo(),
                filters.year(), filters.staffCategory());
    }

    @GET
    @Path("/api/reports/{report}")
    @Produces(XLSX)
    CompletionStage<Response> workbook(@PathParam("report") String report, @QueryParam("unit") String unit,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to, @QueryParam("at") LocalDate at,
            @QueryParam("compareTo") LocalDate compareTo, @QueryParam("year") Integer year,
            @QueryParam("staffCategory") String staffCategory, @QueryParam("format") String format);

    /** The report as an Excel workbook. */
    default CompletionStage<Response> workbook(String report, ReportFilters filters) {
        return workbook(report, filters.unit(), filters.from(), filters.to(), filters.at(), filters.compareTo(),
                filters.year(), filters.staffCategory(), "xlsx");
    }

    /**
     * A list behind a report's figures ({@code details}, or {@code repayments} of the commitments report), one page.
     * The criteria are those of the figure's cell, which differ from report to report (ReportResource).
     */
    @GET
    @Path("/api/reports/{report}/{list}")
    CompletionStage<Response> rowsBehind(@PathParam("report") String report, @PathParam("list") String list,
            @RestQuery Map<String, String> criteria, @QueryParam("page") int page, @QueryParam("size") int size);
}

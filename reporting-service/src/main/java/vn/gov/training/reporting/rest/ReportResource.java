package vn.gov.training.reporting.rest;

import java.time.LocalDate;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import vn.gov.training.platform.security.Roles;
import vn.gov.training.platform.web.PageResponse;
import vn.gov.training.reporting.service.AnnualReport;
import vn.gov.training.reporting.service.CommitmentsReport;
import vn.gov.training.reporting.service.FitReport;
import vn.gov.training.reporting.service.PlanVsActualReport;
import vn.gov.training.reporting.service.SuccessionReviewReport;
import vn.gov.training.reporting.service.ExcelTable;
import vn.gov.training.reporting.service.ExcelWriter;
import vn.gov.training.reporting.service.QualificationStockReport;
import vn.gov.training.reporting.service.ReportDetails;
import vn.gov.training.reporting.service.TrainingSummaryReport;
import vn.gov.training.reporting.service.YearlyMinimumReport;

/**
 * The reports, as JSON or, with {@code Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet}
 * or {@code ?format=xlsx}, as an Excel file; each figure's details under {@code .../details}.
 */
@Path("/api/reports")
@RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.LEADER, Roles.UNIT_OFFICER, Roles.INTEGRATION})
@Produces({MediaType.APPLICATION_JSON, ExcelWriter.MEDIA_TYPE})
public class ReportResource {

    private final TrainingSummaryReport trainingSummary;
    private final QualificationStockReport qualificationStock;
    private final YearlyMinimumReport yearlyMinimum;
    private final AnnualReport annual;
    private final ReportDetails details;
    private final ExcelWriter excel;
    @Inject
    FitReport fit;
    @Inject
    SuccessionReviewReport succession;
    @Inject
    PlanVsActualReport planVsActual;
    @Inject
    CommitmentsReport commitments;

    @Context
    HttpHeaders headers;

    @QueryParam("format")
    String format;

    ReportResource(TrainingSummaryReport trainingSummary, QualificationStockReport qualificationStock,
                   YearlyMinimumReport yearlyMinimum, AnnualReport annual, ReportDetails details, ExcelWriter excel) {
        this.trainingSummary = trainingSummary;
        this.qualificationStock = qualificationStock;
        this.yearlyMinimum = yearlyMinimum;
        this.annual = annual;
        this.details = details;
        this.excel = excel;
    }

    @GET
    @Path("/training-summary")
    public Response trainingSummary(@QueryParam("unit") String unit, @QueryParam("from") LocalDate from,
                                    @QueryParam("to") LocalDate to, @QueryParam("staffCategory") String staffCategory) {
        return respond(trainingSummary.run(unit, from, to, staffCategory), trainingSummary::table, "tong-hop-dao-tao");
    }

    @GET
    @Path("/training-summary/details")
    @Produces(MediaType.APPLICATION_JSON)
    public PageResponse<ReportDetails.EnrolmentItem> trainingSummaryDetails(
            @QueryParam("unit") String unit, @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("staffCategory") String staffCategory, @QueryParam("category") String category,
            @QueryParam("level") String level, @QueryParam("status") String status,
            @QueryParam("deliveryMode") String deliveryMode, @QueryParam("location") String location,
            @QueryParam("fundingSource") String fundingSource, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        return details.trainingTurns(unit, from, to, staffCategory,
                new ReportDetails.TurnCell(category, level, status, deliveryMode, location, fundingSource),
                Paging.page(page), Paging.size(size));
    }

    @GET
    @Path("/qualification-stock")
    public Response qualificationStock(@QueryParam("unit") String unit, @QueryParam("at") LocalDate at,
                                       @QueryParam("compareTo") LocalDate compareTo,
                                       @QueryParam("staffCategory") String staffCategory) {
        return respond(qualificationStock.run(unit, at, compareTo, staffCategory), qualificationStock::table,
                "trinh-do");
    }

    @GET
    @Path("/qualification-stock/details")
    @Produces(MediaType.APPLICATION_JSON)
    public PageResponse<ReportDetails.PersonItem> qualificationStockDetails(
            @QueryParam("unit") String unit, @QueryParam("at") LocalDate at,
            @QueryParam("staffCategory") String staffCategory, @QueryParam("kind") String kind,
            @QueryParam("level") String level, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        return details.stock(unit, at, staffCategory, kind, level, Paging.page(page), Paging.size(size));
    }

    @GET
    @Path("/yearly-minimum")
    public Response yearlyMinimum(@QueryParam("unit") String unit, @QueryParam("year") Integer year,
                                  @QueryParam("staffCategory") String staffCategory) {
        return respond(yearlyMinimum.run(unit, Paging.year(year), staffCategory), yearlyMinimum::table,
                "boi-duong-toi-thieu");
    }

    @GET
    @Path("/yearly-minimum/details")
    @Produces(MediaType.APPLICATION_JSON)
    public PageResponse<ReportDetails.PersonItem> yearlyMinimumDetails(
            @QueryParam("unit") String unit, @QueryParam("year") Integer year,
            @QueryParam("staffCategory") String staffCategory, @QueryParam("met") Boolean met,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return details.yearlyMinimum(unit, Paging.year(year), staffCategory, met, Paging.page(page),
                Paging.size(size));
    }

    @GET
    @Path("/annual")
    public Response annual(@QueryParam("unit") String unit, @QueryParam("year") Integer year,
                           @QueryParam("staffCategory") String staffCategory) {
        return respond(annual.run(unit, Paging.year(year), staffCategory), annual::table, "bao-cao-nam");
    }

    @GET
    @Path("/annual/details")
    @Produces(MediaType.APPLICATION_JSON)
    public PageResponse<ReportDetails.EnrolmentItem> annualDetails(
            @QueryParam("unit") String unit, @QueryParam("year") Integer year,
            @QueryParam("staffCategory") String staffCategory, @QueryParam("leader") Boolean leader,
            @QueryParam("cell") String column, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        return details.annual(unit, Paging.year(year), staffCategory, leader, column, Paging.page(page),
                Paging.size(size));
    }

    @GET
    @Path("/fit")
    public Response fit(@QueryParam("unit") String unit, @QueryParam("from") LocalDate from,
                        @QueryParam("to") LocalDate to, @QueryParam("staffCategory") String staffCategory) {
        return respond(fit.run(unit, from, to, staffCategory), fit::table, "phu-hop");
    }

    @GET
    @Path("/fit/details")
    @Produces(MediaType.APPLICATION_JSON)
    public PageResponse<ReportDetails.EnrolmentItem> fitDetails(
            @QueryParam("unit") String unit, @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("staffCategory") String staffCategory, @QueryParam("fit") String assessment,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return details.fit(unit, from, to, staffCategory, assessment, Paging.page(page), Paging.size(size));
    }

    @GET
    @Path("/succession-review")
    public Response successionReview(@QueryParam("unit") String unit,
                                     @QueryParam("staffCategory") String staffCategory,
                                     @QueryParam("page") @DefaultValue("0") int page,
                                     @QueryParam("size") @DefaultValue("100") int size) {
        // JSON pages its two lists of people; the Excel file holds everyone
        return respond(succession.run(unit, staffCategory, Paging.page(page), excel() ? null : Paging.size(size)),
                succession::table, "ra-soat-quy-hoach");
    }

    /** The planned people who lack a level for a planned title (all of them, or those lacking one kind/level). */
    @GET
    @Path("/succession-review/details")
    @Produces(MediaType.APPLICATION_JSON)
    public PageResponse<ReportDetails.PersonItem> successionReviewDetails(
            @QueryParam("unit") String unit, @QueryParam("staffCategory") String staffCategory,
            @QueryParam("kind") String kind, @QueryParam("level") String level,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return details.successionGaps(unit, staffCategory, kind, level, Paging.page(page), Paging.size(size));
    }

    @GET
    @Path("/plan-vs-actual")
    public Response planVsActual(@QueryParam("unit") String unit, @QueryParam("year") Integer year,
                                 @QueryParam("staffCategory") String staffCategory) {
        return respond(planVsActual.run(unit, Paging.year(year), staffCategory), planVsActual::table,
                "ke-hoach-thuc-hien");
    }

    @GET
    @Path("/commitments")
    public Response commitments(@QueryParam("unit") String unit, @QueryParam("staffCategory") String staffCategory) {
        return respond(commitments.run(unit, staffCategory), commitments::table, "cam-ket-den-bu");
    }

    /** The commitments behind report 7: all, or those counted as OPEN, FULFILLED, BREACHED or RELEASED. */
    @GET
    @Path("/commitments/details")
    @Produces(MediaType.APPLICATION_JSON)
    public PageResponse<ReportDetails.CommitmentItem> commitmentDetails(
            @QueryParam("unit") String unit, @QueryParam("staffCategory") String staffCategory,
            @QueryParam("state") String state,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return details.commitments(unit, staffCategory, Paging.oneOf("state", state, ReportDetails.COMMITMENT_STATES),
                Paging.page(page), Paging.size(size));
    }

    /** The repayment cases behind report 7: all (CASES), those DECIDED (decided or paid) or RECOVERED (paid). */
    @GET
    @Path("/commitments/repayments")
    @Produces(MediaType.APPLICATION_JSON)
    public PageResponse<ReportDetails.RepaymentItem> repaymentDetails(
            @QueryParam("unit") String unit, @QueryParam("staffCategory") String staffCategory,
            @QueryParam("column") String column,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return details.repayments(unit, staffCategory,
                Paging.oneOf("column", column, ReportDetails.REPAYMENT_COLUMNS.keySet()), Paging.page(page),
                Paging.size(size));
    }

    /** Whether the caller asked for an Excel file ({@code format=xlsx} or by Accept). */
    private boolean excel() {
        return "xlsx".equalsIgnoreCase(format) || headers.getAcceptableMediaTypes().stream()
                .anyMatch(m -> ExcelWriter.MEDIA_TYPE.equals(m.getType() + "/" + m.getSubtype()));
    }

    private <T> Response respond(T result, Function<T, ExcelTable> table, String fileName) {
        if (!excel()) {
            return Response.ok(result, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(excel.write(table.apply(result)), ExcelWriter.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + ".xlsx\"").build();
    }
}

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
@Tag(name = "Báo cáo", description = "Báo cáo thống kê theo đơn vị (kèm đơn vị con), thời gian, loại chương trình; tải Excel. / Statistics and Excel exports.")
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

    @APIResponse(responseCode = "200", description = "Báo cáo (JSON), hoặc tệp Excel khi `Accept` hoặc `format=xlsx` yêu cầu.",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrainingSummaryReport.Result.class)),
                @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @Operation(summary = "Báo cáo tổng hợp đào tạo, bồi dưỡng",
            description = "Số lớp, lượt cán bộ và số người theo loại chương trình và trình độ, trong một đơn vị (kèm đơn vị con) và khoảng thời gian; `Accept` Excel để tải tệp.\n\n*English:* Classes, training turns and people by category and level, for a unit subtree and period; Excel with `Accept`.")
    @GET
    @Path("/training-summary")
    public Response trainingSummary(@QueryParam("unit") String unit, @QueryParam("from") LocalDate from,
                                    @QueryParam("to") LocalDate to, @QueryParam("staffCategory") String staffCategory) {
        return respond(trainingSummary.run(unit, from, to, staffCategory), trainingSummary::table, "tong-hop-dao-tao");
    }

    @Operation(summary = "Chi tiết một ô của báo cáo tổng hợp",
            description = "Các lượt cán bộ tạo nên một ô của báo cáo tổng hợp (phân trang).\n\n*English:* The training turns behind one cell (paged).")
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

    @APIResponse(responseCode = "200", description = "Báo cáo (JSON), hoặc tệp Excel khi `Accept` hoặc `format=xlsx` yêu cầu.",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QualificationStockReport.Result.class)),
                @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @Operation(summary = "Báo cáo thực trạng trình độ",
            description = "Số người có từng trình độ tại một ngày (theo lịch sử), theo đơn vị; `Accept` Excel để tải tệp.\n\n*English:* Stock of levels at a date by unit; Excel with `Accept`.")
    @GET
    @Path("/qualification-stock")
    public Response qualificationStock(@QueryParam("unit") String unit, @QueryParam("at") LocalDate at,
                                       @QueryParam("compareTo") LocalDate compareTo,
                                       @QueryParam("staffCategory") String staffCategory) {
        return respond(qualificationStock.run(unit, at, compareTo, staffCategory), qualificationStock::table,
                "trinh-do");
    }

    @Operation(summary = "Chi tiết thực trạng trình độ",
            description = "Những người tạo nên một ô của báo cáo thực trạng trình độ (phân trang).\n\n*English:* The people behind one cell (paged).")
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

    @APIResponse(responseCode = "200", description = "Báo cáo (JSON), hoặc tệp Excel khi `Accept` hoặc `format=xlsx` yêu cầu.",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = YearlyMinimumReport.Result.class)),
                @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @Operation(summary = "Báo cáo bồi dưỡng tối thiểu hằng năm",
            description = "Số người đạt và chưa đạt số tiết bồi dưỡng tối thiểu trong năm, theo đơn vị.\n\n*English:* Yearly minimum retraining compliance by unit.")
    @GET
    @Path("/yearly-minimum")
    public Response yearlyMinimum(@QueryParam("unit") String unit, @QueryParam("year") Integer year,
                                  @QueryParam("staffCategory") String staffCategory) {
        return respond(yearlyMinimum.run(unit, Paging.year(year), staffCategory), yearlyMinimum::table,
                "boi-duong-toi-thieu");
    }

    @Operation(summary = "Chi tiết bồi dưỡng tối thiểu",
            description = "Những người đạt/chưa đạt trong một đơn vị (phân trang).\n\n*English:* The people behind one cell (paged).")
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

    @APIResponse(responseCode = "200", description = "Báo cáo (JSON), hoặc tệp Excel khi `Accept` hoặc `format=xlsx` yêu cầu.",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnnualReport.Result.class)),
                @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @Operation(summary = "Báo cáo năm",
            description = "Báo cáo kết quả đào tạo, bồi dưỡng cả năm theo mẫu của tỉnh.\n\n*English:* The province's annual training report.")
    @GET
    @Path("/annual")
    public Response annual(@QueryParam("unit") String unit, @QueryParam("year") Integer year,
                           @QueryParam("staffCategory") String staffCategory) {
        return respond(annual.run(unit, Paging.year(year), staffCategory), annual::table, "bao-cao-nam");
    }

    @Operation(summary = "Chi tiết báo cáo năm",
            description = "Các lượt cán bộ tạo nên một ô của báo cáo năm (phân trang).\n\n*English:* The training turns behind one cell (paged).")
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

    @APIResponse(responseCode = "200", description = "Báo cáo (JSON), hoặc tệp Excel khi `Accept` hoặc `format=xlsx` yêu cầu.",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FitReport.Result.class)),
                @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @Operation(summary = "Báo cáo mức độ phù hợp",
            description = "Số lượt cử đi học phù hợp, cần xem xét, không phù hợp với vị trí việc làm và chức danh.\n\n*English:* Nominations by fit (fit, warn, misfit).")
    @GET
    @Path("/fit")
    public Response fit(@QueryParam("unit") String unit, @QueryParam("from") LocalDate from,
                        @QueryParam("to") LocalDate to, @QueryParam("staffCategory") String staffCategory) {
        return respond(fit.run(unit, from, to, staffCategory), fit::table, "phu-hop");
    }

    @Operation(summary = "Chi tiết mức độ phù hợp",
            description = "Các lượt cử đi học của một mức đánh giá (phân trang).\n\n*English:* The enrolments of one fit assessment (paged).")
    @GET
    @Path("/fit/details")
    @Produces(MediaType.APPLICATION_JSON)
    public PageResponse<ReportDetails.EnrolmentItem> fitDetails(
            @QueryParam("unit") String unit, @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("staffCategory") String staffCategory, @QueryParam("fit") String assessment,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return details.fit(unit, from, to, staffCategory, assessment, Paging.page(page), Paging.size(size));
    }

    @APIResponse(responseCode = "200", description = "Báo cáo (JSON), hoặc tệp Excel khi `Accept` hoặc `format=xlsx` yêu cầu.",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SuccessionReviewReport.Result.class)),
                @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @Operation(summary = "Rà soát quy hoạch",
            description = "Cán bộ trong quy hoạch: trình độ còn thiếu, kết quả học tập, đề nghị xem xét.\n\n*English:* Planned cadres: missing levels, study results, review flags.")
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
    @Operation(summary = "Chi tiết rà soát quy hoạch",
            description = "Những người trong quy hoạch còn thiếu một trình độ (phân trang).\n\n*English:* Planned people lacking one level (paged).")
    @GET
    @Path("/succession-review/details")
    @Produces(MediaType.APPLICATION_JSON)
    public PageResponse<ReportDetails.PersonItem> successionReviewDetails(
            @QueryParam("unit") String unit, @QueryParam("staffCategory") String staffCategory,
            @QueryParam("kind") String kind, @QueryParam("level") String level,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return details.successionGaps(unit, staffCategory, kind, level, Paging.page(page), Paging.size(size));
    }

    @APIResponse(responseCode = "200", description = "Báo cáo (JSON), hoặc tệp Excel khi `Accept` hoặc `format=xlsx` yêu cầu.",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanVsActualReport.Result.class)),
                @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @Operation(summary = "Báo cáo kế hoạch - thực hiện",
            description = "So sánh số lớp, học viên kế hoạch năm với thực tế, theo loại và trình độ.\n\n*English:* Annual plan against actual classes and learners.")
    @GET
    @Path("/plan-vs-actual")
    public Response planVsActual(@QueryParam("unit") String unit, @QueryParam("year") Integer year,
                                 @QueryParam("staffCategory") String staffCategory) {
        return respond(planVsActual.run(unit, Paging.year(year), staffCategory), planVsActual::table,
                "ke-hoach-thuc-hien");
    }

    @APIResponse(responseCode = "200", description = "Báo cáo (JSON), hoặc tệp Excel khi `Accept` hoặc `format=xlsx` yêu cầu.",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommitmentsReport.Result.class)),
                @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @Operation(summary = "Báo cáo cam kết và đền bù",
            description = "Số cam kết đang hiệu lực, vi phạm, hoàn thành và số tiền đền bù theo đơn vị.\n\n*English:* Commitments and repayments by unit.")
    @GET
    @Path("/commitments")
    public Response commitments(@QueryParam("unit") String unit, @QueryParam("staffCategory") String staffCategory) {
        return respond(commitments.run(unit, staffCategory), commitments::table, "cam-ket-den-bu");
    }

    /** The commitments behind report 7: all, or those counted as OPEN, FULFILLED, BREACHED or RELEASED. */
    @Operation(summary = "Chi tiết cam kết",
            description = "Các cam kết của một trạng thái (phân trang).\n\n*English:* The commitments of one state (paged).")
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
    @Operation(summary = "Chi tiết đền bù",
            description = "Các hồ sơ đền bù (phân trang).\n\n*English:* Repayment cases (paged).")
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

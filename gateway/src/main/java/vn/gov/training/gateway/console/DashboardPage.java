package vn.gov.training.gateway.console;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import vn.gov.training.gateway.console.client.CourseApi;
import vn.gov.training.gateway.console.client.EnrolmentApi;
import vn.gov.training.gateway.console.client.Params;
import vn.gov.training.gateway.console.client.PersonnelApi;
import vn.gov.training.gateway.console.client.ReportFilters;
import vn.gov.training.gateway.console.client.ReportingApi;
import vn.gov.training.gateway.console.client.ServiceAnswers;

/** The dashboard: key figures and the four charts, each from the reporting-service within the viewer's scope. */
@Path("/console")
@Blocking
public class DashboardPage {

    @Inject
    PersonnelApi personnel;
    @Inject
    CourseApi course;
    @Inject
    EnrolmentApi enrolment;
    @Inject
    ReportingApi reporting;
    @Inject
    ServiceAnswers answers;
    @Inject
    ConsoleContext console;
    @Location("console/dashboard.html")
    Template dashboard;

    @Inject
    WorkPages work;

    /**
     * Each role lands on its own work: staff on their record, institution staff on their classes of this month;
     * unit officers, leaders, province managers and admins on the dashboard (officers with their unit's pending work
     * first, admins with the dead-letter topics).
     */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show() {
        Viewer viewer = console.getViewer();
        return switch (viewer.landing()) {
            case ME -> Response.seeOther(URI.create("/console/me")).build();
            case CLASSES -> Response.seeOther(URI.create("/console/my-classes")).build();
            case DASHBOARD -> Response.ok(dashboard(viewer)).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        };
    }

    private TemplateInstance dashboard(Viewer viewer) {
        String unit = viewer.defaultUnit();
        int year = Formats.today().getYear();
        List<String> problems = new ArrayList<>();

        // every figure is asked for at once; a slow service costs one timeout, not one per figure
        CompletableFuture<ApiResult> peopleCall = viewer.canSeeStaff() ? answers.later(personnel.people(null,
                Params.filled(unit), true, null, "ACTIVE", null, 1)) : null;
        CompletableFuture<ApiResult> waitingCall = answers.later(enrolment.enrolments("NOMINATED", null, null, null, 5));
        // a unit officer's work: their staff's requests to be sent on a course
        CompletableFuture<ApiResult> requestsCall = viewer.canNominate()
                ? answers.later(enrolment.requests("PENDING", 10)) : null;
        CompletableFuture<ApiResult> openCall = answers.later(course.openClasses(1));
        Map<Integer, CompletableFuture<ApiResult>> summaryCalls = new LinkedHashMap<>();
        for (int y = year - 4; y <= year; y++) {
            summaryCalls.put(y, answers.later(reporting.report("training-summary",
                    ReportFilters.between(Params.filled(unit), LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)))));
        }
        CompletableFuture<ApiResult> stockCall = answers.later(reporting.report("qualification-stock",
                ReportFilters.on(Params.filled(unit), Formats.today())));
        CompletableFuture<ApiResult> minimumCall = answers.later(reporting.report("yearly-minimum",
                ReportFilters.of(Params.filled(unit), year)));
        ApiResult people = peopleCall == null ? null : peopleCall.join();
        ApiResult waiting = waitingCall.join();
        ApiResult open = openCall.join();

        // training turns by category, per year over the last five years
        Map<String, Map<Integer, Double>> turnsByCategory = new LinkedHashMap<>();
        Map<String, Object> categoryCodes = new java.util.HashMap<>();
        List<Charts.Bar> turnsPerYear = new ArrayList<>();
        double turnsThisYear = 0;
        boolean summaryNoted = false;
        for (int y = year - 4; y <= year; y++) {
            ApiResult summary = summaryCalls.get(y).join();
            if (!summary.ok()) {
                if (!summaryNoted) {
                    note(problems, "Tổng hợp đào tạo", summary);
                    summaryNoted = true;
                }
                continue;
            }
            // TrainingSummaryReport.Result: rows[] {category, categoryName, level, turns, ...}, total {turns, ...}
            for (Map<String, Object> row : summary.list("rows")) {
                double turns = num(row, "turns");
                Object name = row.get("categoryName") != null ? row.get("categoryName") : Labels.of(row.get("category"));
                categoryCodes.putIfAbsent(String.valueOf(name), row.get("category"));
                turnsByCategory.computeIfAbsent(String.valueOf(name), k -> new LinkedHashMap<>())
                        .merge(y, turns, Double::sum);
            }
            double total = summary.map().get("total") instanceof Map<?, ?> t && t.get("turns") instanceof Number n
                    ? n.doubleValue() : 0;
            turnsPerYear.add(new Charts.Bar("Năm " + y, total, Formats.number(total), Q.of().p("unit", unit)
                    .p("from", "01/01/" + y).p("to", "31/12/" + y).on("/console/reports/training-summary")));
            if (y == year) {
                turnsThisYear = total;
            }
        }
        List<Charts.Bar> byCategory = new ArrayList<>();
        turnsByCategory.forEach((category, perYear) -> {
            double sum = perYear.values().stream().mapToDouble(Double::doubleValue).sum();
            // the turns behind the bar: the training summary's list of the category over the five years
            byCategory.add(new Charts.Bar(category, sum, Formats.number(sum), ReportPages.drill("training-summary",
                    filters("unit", unit, "from", "01/01/" + (year - 4), "to", "31/12/" + year), "category",
                    categoryCodes.get(category))));
        });

        ApiResult stock = stockCall.join();
        List<Charts.Bar> stockBars = new ArrayList<>();
        if (stock.ok()) {
            // QualificationStockReport.Result: rows[] {kind, kindName, level, levelName, at, compareTo, change}
            for (Map<String, Object> row : stock.list("rows")) {
                double count = num(row, "at");
                stockBars.add(new Charts.Bar(row.get("kindName") + " – " + row.get("levelName"), count,
                        Formats.number(count), ReportPages.drill("qualification-stock", filters("unit", unit,
                                "at", Formats.date(Formats.today())), "kind", row.get("kind"), "level", row.get("level"))));
            }
        } else {
            note(problems, "Thống kê trình độ", stock);
        }

        ApiResult minimum = minimumCall.join();
        List<Charts.Bar> minimumBars = new ArrayList<>();
        if (minimum.ok()) {
            // YearlyMinimumReport.Result: rows[] {unit, unitName, active, met, notMet, metShare (0..1)}, total
            for (Map<String, Object> row : minimum.list("rows")) {
                double percent = num(row, "metShare") * 100;
                minimumBars.add(new Charts.Bar(String.valueOf(row.get("unitName")), percent,
                        Formats.number(percent) + " %", Q.of().p("unit", row.get("unit")).p("year", year)
                                .on("/console/reports/yearly-minimum")));
            }
        } else {
            note(problems, "Bồi dưỡng tối thiểu hằng năm", minimum);
        }

        ApiResult requests = requestsCall == null ? null : requestsCall.join();
        return dashboard.data("people", people).data("waiting", waiting).data("open", open)
                .data("requests", requests == null ? null : work.requests(requests))
                .data("requestsResult", requests)
                .data("deadLetters", viewer.isAdmin() ? work.deadLetterTopics() : null)
                .data("turnsThisYear", Formats.number(turnsThisYear)).data("year", year).data("unit", unit)
                .data("turnsChart", Charts.bars("Lượt cán bộ được đào tạo theo năm", turnsPerYear))
                .data("categoryChart", Charts.bars("Lượt cán bộ theo loại chương trình (5 năm)", byCategory))
                .data("categoryTable", categoryTable(turnsByCategory, year))
                .data("stockChart", Charts.bars("Số người theo trình độ", stockBars))
                .data("minimumChart", Charts.bars("Tỷ lệ đạt số tiết tối thiểu", minimumBars))
                .data("problems", problems);
    }

    /** A report's filters as its page holds them (a null value: the filter is not set). */
    private static Map<String, String> filters(String... pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return values;
    }

    private static Tables.Table categoryTable(Map<String, Map<Integer, Double>> data, int year) {
        List<String> headings = new ArrayList<>(List.of("Loại chương trình"));
        List<Boolean> numeric = new ArrayList<>(List.of(false));
        for (int y = year - 4; y <= year; y++) {
            headings.add(String.valueOf(y));
            numeric.add(true);
        }
        List<List<Tables.Cell>> rows = new ArrayList<>();
        data.forEach((category, perYear) -> {
            List<Tables.Cell> row = new ArrayList<>(List.of(new Tables.Cell(category, null, false)));
            for (int y = year - 4; y <= year; y++) {
                row.add(new Tables.Cell(Formats.number(perYear.getOrDefault(y, 0d)), null, true));
            }
            rows.add(row);
        });
        return new Tables.Table("Lượt cán bộ theo loại chương trình và năm", headings, numeric, rows);
    }

    static double num(Map<String, Object> row, String key) {
        return row.get(key) instanceof Number n ? n.doubleValue() : 0;
    }

    private static void note(List<String> problems, String what, ApiResult result) {
        problems.add(what + ": " + result.message());
    }
}

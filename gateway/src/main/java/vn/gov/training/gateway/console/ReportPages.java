package vn.gov.training.gateway.console;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/** Reports: each with its filters, figures and tables, drill-down into the rows behind a figure, Excel download. */
@Path("/console/reports")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class ReportPages {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** A report: path under /api/reports, Vietnamese title, the filters it takes. */
    @io.quarkus.qute.TemplateData
    public record Report(String name, String title, List<String> filters) {
    }

    static final Map<String, Report> REPORTS = new LinkedHashMap<>();

    static {
        add("training-summary", "Tổng hợp kết quả đào tạo, bồi dưỡng", "unit", "from", "to", "category");
        add("qualification-stock", "Thống kê trình độ đội ngũ", "unit", "at", "compareTo", "category");
        add("yearly-minimum", "Bồi dưỡng tối thiểu hằng năm", "unit", "year", "category");
        add("fit", "Mức độ phù hợp và lãng phí", "unit", "from", "to");
        add("succession-review", "Rà soát quy hoạch", "unit");
        add("plan-vs-actual", "Kế hoạch và thực hiện", "unit", "year");
        add("commitments", "Cam kết phục vụ và bồi hoàn", "unit");
        add("annual", "Báo cáo kết quả năm (gửi Bộ Nội vụ)", "unit", "year");
    }

    private static void add(String name, String title, String... filters) {
        REPORTS.put(name, new Report(name, title, List.of(filters)));
    }

    @Inject
    ServiceClient api;
    @Inject
    ConsoleContext console;
    @Location("console/reports.html")
    Template index;
    @Location("console/report.html")
    Template report;

    @GET
    public TemplateInstance list() {
        return index.data("reports", REPORTS.values());
    }

    @GET
    @Path("drill")
    public TemplateInstance drill(@QueryParam("path") String path) {
        if (path == null || !path.startsWith("/api/reports/")) {
            throw new NotFoundException();
        }
        ApiResult result = api.get(path);
        return render(new Report("drill", "Danh sách chi tiết", List.of()), result, Map.of(), path);
    }

    @GET
    @Path("{name}")
    public TemplateInstance show(@PathParam("name") String name, @QueryParam("unit") String unit,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("year") String year,
            @QueryParam("at") String at, @QueryParam("compareTo") String compareTo,
            @QueryParam("category") String category) {
        Report r = REPORTS.get(name);
        if (r == null) {
            throw new NotFoundException();
        }
        Map<String, String> values = values(r, unit, from, to, year, at, compareTo, category);
        String path = apiPath(r, values);
        return render(r, api.get(path), values, path);
    }

    @GET
    @Path("{name}/excel")
    @Produces({XLSX, MediaType.TEXT_HTML})
    public Response excel(@PathParam("name") String name, @QueryParam("unit") String unit,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("year") String year,
            @QueryParam("at") String at, @QueryParam("compareTo") String compareTo,
            @QueryParam("category") String category) {
        Report r = REPORTS.get(name);
        if (r == null) {
            throw new NotFoundException();
        }
        String path = apiPath(r, values(r, unit, from, to, year, at, compareTo, category));
        ServiceClient.Download file = api.download(path + (path.contains("?") ? "&" : "?") + "format=xlsx", XLSX);
        if (file.status() != 200) {
            return Response.status(file.status()).type(MediaType.TEXT_HTML)
                    .entity("<p>Không tải được tệp Excel (mã " + file.status() + ").</p>").build();
        }
        return Response.ok(file.bytes(), XLSX)
                .header("Content-Disposition", file.fileName() != null ? file.fileName()
                        : "attachment; filename=\"bao-cao-" + name + ".xlsx\"").build();
    }

    private TemplateInstance render(Report r, ApiResult result, Map<String, String> values, String path) {
        Map<String, Object> json = result.ok() && result.body() instanceof List<?> list
                ? Map.of("rows", list) : result.map();
        return report.data("report", r).data("result", result).data("values", values)
                .data("figures", result.ok() ? Tables.figures(json) : List.of())
                .data("tables", result.ok() ? Tables.tables(json, "/console/reports/drill?path=") : List.of())
                .data("excel", "/console/reports/" + r.name() + "/excel" + (path.contains("?") ? path.substring(path.indexOf('?')) : ""));
    }

    private Map<String, String> values(Report r, String unit, String from, String to, String year, String at,
            String compareTo, String category) {
        Map<String, String> values = new LinkedHashMap<>();
        int thisYear = LocalDate.now().getYear();
        values.put("unit", blank(unit) ? console.getViewer().defaultUnit() : unit.strip());
        values.put("from", blank(from) ? "01/01/" + thisYear : from);
        values.put("to", blank(to) ? Formats.date(LocalDate.now()) : to);
        values.put("year", blank(year) ? String.valueOf(thisYear) : year);
        values.put("at", blank(at) ? Formats.date(LocalDate.now()) : at);
        values.put("compareTo", blank(compareTo) ? "" : compareTo);
        values.put("category", blank(category) ? "" : category);
        values.keySet().retainAll(r.filters());
        return values;
    }

    private static String apiPath(Report r, Map<String, String> values) {
        Q q = Q.of();
        values.forEach((k, v) -> q.p(k, List.of("from", "to", "at", "compareTo").contains(k) ? Formats.toIso(v) : v));
        return q.on("/api/reports/" + r.name());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

package vn.gov.training.gateway.console;

import java.time.LocalDate;
import java.util.ArrayList;
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
import vn.gov.training.gateway.console.client.Params;
import vn.gov.training.gateway.console.client.ReportFilters;
import vn.gov.training.gateway.console.client.ReportingApi;
import vn.gov.training.gateway.console.client.ServiceAnswers;

/** Reports: each with its filters, figures and tables, drill-down into the rows behind a figure, Excel download. */
@Path("/console/reports")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class ReportPages {

    static final String XLSX = ReportingApi.XLSX;
    private static final List<String> DATES = List.of("from", "to", "at", "compareTo");

    /** A report: path under /api/reports, Vietnamese title, the filters it takes. */
    @io.quarkus.qute.TemplateData
    public record Report(String name, String title, List<String> filters) {
    }

    static final Map<String, Report> REPORTS = new LinkedHashMap<>();

    static {
        add("training-summary", "Tổng hợp kết quả đào tạo, bồi dưỡng", "unit", "from", "to", "staffCategory");
        add("qualification-stock", "Thống kê trình độ đội ngũ", "unit", "at", "compareTo", "staffCategory");
        add("yearly-minimum", "Bồi dưỡng tối thiểu hằng năm", "unit", "year", "staffCategory");
        add("fit", "Mức độ phù hợp và lãng phí", "unit", "from", "to", "staffCategory");
        add("succession-review", "Rà soát quy hoạch", "unit", "staffCategory");
        add("plan-vs-actual", "Kế hoạch và thực hiện", "unit", "year", "staffCategory");
        add("commitments", "Cam kết phục vụ và đền bù", "unit", "staffCategory");
        add("annual", "Báo cáo kết quả năm (gửi Bộ Nội vụ)", "unit", "year", "staffCategory");
    }

    private static void add(String name, String title, String... filters) {
        REPORTS.put(name, new Report(name, title, List.of(filters)));
    }

    @Inject
    ReportingApi reporting;
    @Inject
    ServiceAnswers answers;
    @Inject
    ConsoleContext console;
    @Location("console/reports.html")
    Template index;
    @Location("console/report.html")
    Template report;
    @Location("console/report-details.html")
    Template details;

    @GET
    public TemplateInstance list() {
        return index.data("reports", REPORTS.values());
    }

    /** The people or enrolments behind a figure: a report's {@code /details} list, page by page. */
    @GET
    @Path("drill")
    public TemplateInstance drill(@QueryParam("path") String path, @QueryParam("page") @jakarta.ws.rs.DefaultValue("0") int page) {
        java.util.regex.Matcher list = path == null ? null : DETAILS.matcher(path);
        if (list == null || !list.matches()) {
            throw new NotFoundException();
        }
        String report = list.group(1) != null ? list.group(1) : "commitments";
        ApiResult result = answers.of(reporting.rowsBehind(report, list.group(1) != null ? "details" : "repayments",
                criteria(list.group(2)), Math.max(0, page), 50));
        long total = result.total();
        String back = "/console/reports/" + report + (path.contains("?") ? path.substring(path.indexOf('?')) : "");
        return details.data("result", result).data("rows", result.items()).data("total", total).data("page", page)
                .data("hasNext", (long) (page + 1) * 50 < total).data("path", path).data("back", back)
                .data("title", REPORTS.get(report).title()).data("canOpenPerson", console.getViewer().canSeeStaff());
    }

    /** The criteria of a drill-down link's query ({@code ?unit=...&category=...}), decoded; paging is the page's own. */
    static Map<String, String> criteria(String query) {
        Map<String, String> criteria = new LinkedHashMap<>();
        if (query == null || query.length() < 2) {
            return criteria;
        }
        for (String pair : query.substring(1).split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                criteria.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
            }
        }
        criteria.remove("page");
        criteria.remove("size");
        return criteria;
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The lists behind the figures: each report's {@code /details}, and the repayment cases of report 7. */
    static final java.util.regex.Pattern DETAILS = java.util.regex.Pattern.compile("^/api/reports/(?:(training-summary"
            + "|qualification-stock|yearly-minimum|annual|fit|succession-review|commitments)/details"
            + "|commitments/repayments)(\\?[^#]*)?$");

    @GET
    @Path("{name}")
    public TemplateInstance show(@PathParam("name") String name, @QueryParam("unit") String unit,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("year") String year,
            @QueryParam("at") String at, @QueryParam("compareTo") String compareTo,
            @QueryParam("staffCategory") String staffCategory) {
        Report r = REPORTS.get(name);
        if (r == null) {
            throw new NotFoundException();
        }
        Map<String, String> values = values(r, unit, from, to, year, at, compareTo, staffCategory);
        String query = query(values);
        Map<String, String> errors = check(values);
        if (!errors.isEmpty()) {
            // nothing is asked of the service with a filter that means nothing (31/02/2022, year=abc)
            return render(r, ApiResult.failure(400, "Bộ lọc không hợp lệ", "Hãy sửa các ô được đánh dấu."), values,
                    query).data("errors", errors);
        }
        return render(r, answers.of(reporting.report(name, filters(values))), values, query).data("errors", Map.of());
    }

    /** The filters' own errors: dates that are no day of the calendar, a year that is no year. */
    static Map<String, String> check(Map<String, String> values) {
        Map<String, String> errors = new LinkedHashMap<>();
        values.forEach((field, value) -> {
            if (value == null || value.isBlank()) {
                return;
            }
            if (List.of("from", "to", "at", "compareTo").contains(field) && Formats.parseDate(value) == null) {
                errors.put(field, "Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy (ví dụ 30/06/2022).");
            } else if ("year".equals(field) && !value.strip().matches("(19|20)\\d{2}")) {
                errors.put(field, "Năm không hợp lệ: nhập 4 chữ số (ví dụ 2025).");
            }
        });
        if (!errors.containsKey("from") && !errors.containsKey("to") && values.get("from") != null
                && values.get("to") != null && Formats.parseDate(values.get("from")) != null
                && Formats.parseDate(values.get("to")) != null
                && Formats.parseDate(values.get("from")).isAfter(Formats.parseDate(values.get("to")))) {
            errors.put("to", "Đến ngày phải sau hoặc bằng Từ ngày.");
        }
        return errors;
    }

    @GET
    @Path("{name}/excel")
    @Produces({XLSX, MediaType.TEXT_HTML})
    public Response excel(@PathParam("name") String name, @QueryParam("unit") String unit,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("year") String year,
            @QueryParam("at") String at, @QueryParam("compareTo") String compareTo,
            @QueryParam("staffCategory") String staffCategory) {
        Report r = REPORTS.get(name);
        if (r == null) {
            throw new NotFoundException();
        }
        ReportFilters filters = filters(values(r, unit, from, to, year, at, compareTo, staffCategory));
        if (filters == null) {
            return notDownloaded(400); // a filter that means nothing, which the service would refuse
        }
        ServiceAnswers.Download file = answers.download(reporting.workbook(name, filters));
        if (file.status() != 200) {
            return notDownloaded(file.status());
        }
        return Response.ok(file.bytes(), XLSX)
                .header("Content-Disposition", file.fileName() != null ? file.fileName()
                        : "attachment; filename=\"bao-cao-" + name + ".xlsx\"").build();
    }

    private static Response notDownloaded(int status) {
        return Response.status(status).type(MediaType.TEXT_HTML)
                .entity("<p>Không tải được tệp Excel (mã " + status + ").</p>").build();
    }

    private TemplateInstance render(Report r, ApiResult result, Map<String, String> values, String query) {
        Map<String, Object> json = new LinkedHashMap<>(result.map());
        List<Tables.Table> tables = new ArrayList<>();
        if (result.ok()) {
            Map<String, String> headings = new LinkedHashMap<>();
            if ("annual".equals(r.name())) {
                // the Ministry's columns: one cell per column key, headed as the report names it
                for (Map<String, Object> column : result.list("columns")) {
                    headings.put("cell:" + column.get("key"), String.valueOf(column.get("heading")));
                }
                json.put("rows", flattenColumns(result.list("rows")));
                json.remove("columns");
            }
            withTotal(json);
            Map<String, Tables.Linker> linkers = linkers(r.name(), values);
            json.forEach((key, value) -> {
                if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> rows = (List<Map<String, Object>>) list;
                    tables.add(Tables.table(Tables.heading(key), rows,
                            linkers.getOrDefault(key, Tables.Linker.NONE), headings));
                }
            });
        }
        return report.data("report", r).data("result", result).data("values", values)
                .data("figures", result.ok() ? Tables.figures(json) : List.of())
                .data("tables", tables)
                .data("excel", "/console/reports/" + r.name() + "/excel" + query);
    }

    /** The report's {@code total} line as the last row of its {@code rows}, labelled "Tổng cộng". */
    @SuppressWarnings("unchecked")
    private static void withTotal(Map<String, Object> json) {
        if (json.get("total") instanceof Map<?, ?> total && json.get("rows") instanceof List<?> rows) {
            Map<String, Object> line = new LinkedHashMap<>((Map<String, Object>) total);
            for (String label : List.of("categoryName", "unitName", "label")) {
                if (line.containsKey(label)) {
                    line.put(label, "Tổng cộng");
                    break;
                }
            }
            List<Object> all = new ArrayList<>(rows);
            all.add(line);
            json.put("rows", all);
            json.remove("total");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> flattenColumns(List<Map<String, Object>> rows) {
        List<Map<String, Object>> flat = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("label", row.get("label"));
            line.put("staffCategory", row.get("staffCategory"));
            line.put("leader", row.get("leader"));
            if (row.get("columns") instanceof Map<?, ?> columns) {
                ((Map<String, Object>) columns).forEach((k, v) -> line.put("cell:" + k, v));
            }
            for (String k : List.of("total", "women", "ethnicMinority", "totalSpendingVnd")) {
                line.put(k, row.get(k));
            }
            flat.add(line);
        }
        return flat;
    }

    /**
     * Drill-down links: which cells of which list lead to which {@code /details} query (ReportResource), with the
     * report's own filters carried along.
     */
    private static Map<String, Tables.Linker> linkers(String report, Map<String, String> values) {
        Map<String, Tables.Linker> linkers = new LinkedHashMap<>();
        switch (report) {
            case "training-summary" -> {
                linkers.put("rows", (row, key) -> List.of("categoryName", "turns").contains(key)
                        ? drill(report, values, "category", row.get("category"), "level", row.get("level")) : null);
                linkers.put("byDeliveryMode", (row, key) -> "turns".equals(key)
                        ? drill(report, values, "deliveryMode", row.get("code")) : null);
                linkers.put("byLocation", (row, key) -> "turns".equals(key)
                        ? drill(report, values, "location", row.get("code")) : null);
                linkers.put("byFundingSource", (row, key) -> "turns".equals(key)
                        ? drill(report, values, "fundingSource", row.get("code")) : null);
            }
            case "qualification-stock" -> linkers.put("rows", (row, key) -> "at".equals(key)
                    ? drill(report, values, "kind", row.get("kind"), "level", row.get("level")) : null);
            case "yearly-minimum" -> linkers.put("rows", (row, key) -> switch (key) {
                case "met" -> drill(report, values, "unit", row.get("unit"), "met", true);
                case "notMet" -> drill(report, values, "unit", row.get("unit"), "met", false);
                case "active" -> drill(report, values, "unit", row.get("unit"));
                default -> null;
            });
            case "fit" -> linkers.put("rows", (row, key) -> "nominations".equals(key)
                    ? drill(report, values, "fit", row.get("fit")) : null);
            case "annual" -> linkers.put("rows", (row, key) -> {
                if (key.startsWith("cell:")) {
                    return drill(report, values, "staffCategory", row.get("staffCategory"), "leader", row.get("leader"),
                            "cell", key.substring(5));
                }
                return "total".equals(key) ? drill(report, values, "staffCategory", row.get("staffCategory"),
                        "leader", row.get("leader")) : null;
            });
            case "commitments" -> linkers.put("rows", (row, key) -> {
                Object unit = row.get("unit");
                if (unit == null || unit.toString().isEmpty()) {
                    return null; // the line of people whose unit is not known: no unit to filter on
                }
                return switch (key) {
                    case "open", "fulfilled", "breached", "released" -> drill(report, values, "unit", unit, "state",
                            key.toUpperCase(java.util.Locale.ROOT));
                    case "repaymentCases" -> drill("commitments/repayments", values, "unit", unit, "column", "CASES");
                    case "decidedVnd" -> drill("commitments/repayments", values, "unit", unit, "column", "DECIDED");
                    case "recoveredVnd" -> drill("commitments/repayments", values, "unit", unit, "column",
                            "RECOVERED");
                    default -> null;
                };
            });
            default -> {
            }
        }
        return linkers;
    }

    /**
     * The console link to the list behind a figure: the report's filters, then the cell's own (which win). The list
     * is the report's {@code /details}, or the path under /api/reports given ({@code commitments/repayments}).
     */
    static String drill(String report, Map<String, String> values, Object... cell) {
        Map<String, Object> params = new LinkedHashMap<>();
        values.forEach((k, v) -> params.put(k, List.of("from", "to", "at").contains(k) ? Formats.toIso(v) : v));
        params.remove("compareTo");
        for (int i = 0; i + 1 < cell.length; i += 2) {
            params.put(cell[i].toString(), cell[i + 1]);
        }
        Q q = Q.of();
        params.forEach(q::p);
        String list = report.contains("/") ? report : report + "/details";
        return "/console/reports/drill?path=" + Q.enc(q.on("/api/reports/" + list));
    }

    private Map<String, String> values(Report r, String unit, String from, String to, String year, String at,
            String compareTo, String staffCategory) {
        Map<String, String> values = new LinkedHashMap<>();
        int thisYear = Formats.today().getYear();
        values.put("unit", blank(unit) ? console.getViewer().defaultUnit() : unit.strip());
        values.put("from", blank(from) ? "01/01/" + thisYear : from);
        values.put("to", blank(to) ? Formats.date(Formats.today()) : to);
        values.put("year", blank(year) ? String.valueOf(thisYear) : year);
        values.put("at", blank(at) ? Formats.date(Formats.today()) : at);
        values.put("compareTo", blank(compareTo) ? "" : compareTo);
        values.put("staffCategory", blank(staffCategory) ? "" : staffCategory);
        values.keySet().retainAll(r.filters());
        return values;
    }

    /** The report's filters as the query of its console links ({@code ?unit=...&from=2025-01-01}), or "". */
    private static String query(Map<String, String> values) {
        Q q = Q.of();
        values.forEach((k, v) -> q.p(k, DATES.contains(k) ? Formats.toIso(v) : v));
        return q.on("");
    }

    /** The filters as the service takes them; null when one means nothing (a date or year that is none). */
    static ReportFilters filters(Map<String, String> values) {
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        for (String field : DATES) {
            String typed = values.get(field);
            if (!blank(typed)) {
                LocalDate date = linkDate(typed);
                if (date == null) {
                    return null;
                }
                dates.put(field, date);
            }
        }
        String year = values.get("year");
        if (!blank(year) && !year.strip().matches("\\d{1,9}")) {
            return null;
        }
        return new ReportFilters(Params.filled(values.get("unit")), dates.get("from"), dates.get("to"),
                dates.get("at"), dates.get("compareTo"), blank(year) ? null : Integer.valueOf(year.strip()),
                Params.filled(values.get("staffCategory")));
    }

    /** A date as typed in a filter (dd/MM/yyyy) or as the console's links carry it (ISO, see {@link #query}). */
    private static LocalDate linkDate(String text) {
        LocalDate typed = Formats.parseDate(text);
        if (typed != null) {
            return typed;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

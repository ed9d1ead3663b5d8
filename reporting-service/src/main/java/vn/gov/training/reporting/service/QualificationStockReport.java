package vn.gov.training.reporting.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.platform.time.ProvinceTime;
import vn.gov.training.reporting.projection.ReadModel;
import vn.gov.training.reporting.projection.RowMapper;
import vn.gov.training.reporting.projection.Sql;
import vn.gov.training.reporting.projection.StockRollup;
import vn.gov.training.reporting.projection.YearlyIntervals;

/**
 * Report 2: how many active people held each level (their highest of each kind) on a date, in the units as they
 * were on that date, and the change since another date: the stock intervals containing the date, read from
 * stock_rollup for the anchors that serve the scope (RollupScope) and counted one by one for its other units.
 */
@RequestScoped
public class QualificationStockReport {

    public record Line(String kind, String kindName, String level, String levelName, long at, Long compareTo,
                       Long change) {
    }

    public record Result(String unit, String unitName, LocalDate at, LocalDate compareTo, String staffCategory,
                         List<Line> rows) {
    }

    private final ReadModel readModel;
    private final ReportUnits units;
    private final Sql sql;

    QualificationStockReport(ReadModel readModel, ReportUnits units, Sql sql) {
        this.readModel = readModel;
        this.units = units;
        this.sql = sql;
    }

    @Transactional
    public Result run(String unit, LocalDate at, LocalDate compareTo, String staffCategory) {
        readModel.useActive();
        String root = units.root(unit);
        LocalDate day = at != null ? at : ProvinceTime.today();
        Map<String, Long> now = counts(root, day, staffCategory);
        Map<String, Long> before = compareTo == null ? Map.of() : counts(root, compareTo, staffCategory);
        TreeMap<String, Boolean> keys = new TreeMap<>();
        now.keySet().forEach(k -> keys.put(k, true));
        before.keySet().forEach(k -> keys.put(k, true));
        List<Line> rows = new ArrayList<>();
        for (String key : keys.keySet()) {
            String[] k = key.split("\\|", -1);
            long a = now.getOrDefault(key, 0L);
            Long b = compareTo == null ? null : before.getOrDefault(key, 0L);
            rows.add(new Line(k[0], Labels.of(k[0]), k[1], Labels.level(k[0], k[1]), a, b, b == null ? null : a - b));
        }
        return new Result(root, units.name(root, day), day, compareTo, staffCategory, rows);
    }

    public static Where filter(List<String> codes, LocalDate on, String staffCategory) {
        return new Where().units("unit_code", codes).and("valid_from <= ?", on)
                .and("(valid_to is null or valid_to > ?)", on).andIf(staffCategory, "category = ?");
    }

    private Map<String, Long> counts(String root, LocalDate on, String staffCategory) {
        List<String> codes = units.codes(root, on);
        Map<String, Long> counts = new TreeMap<>();
        if (!YearlyIntervals.rolledUp(on)) {
            add(counts, counted(codes, on, staffCategory));
            return counts;
        }
        RollupScope scope = RollupScope.of(sql, codes, "stock_interval", new Where().and("valid_from <= ?", on)
                .and("(valid_to is null or valid_to > ?)", on).andIf(staffCategory, "category = ?"));
        if (scope.usesRollups()) {
            add(counts, rolledUp(scope.anchors(), on, staffCategory));
        }
        if (scope.hasRest()) {
            add(counts, counted(scope.rest(), on, staffCategory));
        }
        counts.values().removeIf(n -> n == 0);
        return counts;
    }

    /** The intervals of {@code codes} (null: all) that contain the date, counted one by one. */
    private List<Holders> counted(List<String> codes, LocalDate on, String staffCategory) {
        Where where = filter(codes, on, staffCategory);
        return sql.list("select kind, level, count(*) from stock_interval where " + where.sql()
                + " group by kind, level", Holders.ROW, where.params());
    }

    /** The stock of {@code anchors} (null: all) on a date, from stock_rollup and stock_change (YearlyIntervals). */
    private List<Holders> rolledUp(List<String> anchors, LocalDate on, String staffCategory) {
        Where rows = new Where().units("anchor_code", anchors).andIf(staffCategory, "category = ?");
        Where intervals = new Where().andIf(staffCategory, "i.category = ?");
        YearlyIntervals.Statement count = StockRollup.INTERVALS.countOn(on, "kind, level", "stock_rollup",
                "stock_change", new YearlyIntervals.Statement(rows.sql(), rows.params()),
                anchors == null ? "" : "join rollup_unit m on m.unit_code = i.unit_code and m.anchor_code = any(?)",
                anchors == null ? List.of() : List.of(Sql.texts(anchors)),
                new YearlyIntervals.Statement(intervals.sql(), intervals.params()));
        return sql.list(count.sql(), Holders.ROW, count.params());
    }

    /** How many people hold a kind and level of qualification. */
    private record Holders(String kind, String level, long people) {
        static final RowMapper<Holders> ROW = r -> new Holders(r.string(1), r.string(2), r.longValue(3));
    }

    private static void add(Map<String, Long> counts, List<Holders> rows) {
        for (Holders h : rows) {
            counts.merge(h.kind() + "|" + h.level(), h.people(), Long::sum);
        }
    }

    public ExcelTable table(Result r) {
        List<List<Object>> rows = new ArrayList<>();
        for (Line l : r.rows()) {
            rows.add(ExcelTable.row(l.kindName(), l.levelName(), l.at(), l.compareTo(), l.change()));
        }
        return new ExcelTable("BÁO CÁO TRÌNH ĐỘ CỦA CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC",
                List.of("Đơn vị: " + r.unitName(), "Tại ngày " + Dates.vn(r.at())
                        + (r.compareTo() == null ? "" : ", so với ngày " + Dates.vn(r.compareTo()))),
                List.of(ExcelTable.text(Labels.heading("kind")), ExcelTable.text(Labels.heading("level")),
                        ExcelTable.count("Số người tại " + Dates.vn(r.at())),
                        ExcelTable.count("Số người tại " + Dates.vn(r.compareTo())), ExcelTable.count(Labels.heading("change"))),
                rows);
    }
}

package vn.gov.training.reporting.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.reporting.projection.ReadModel;
import vn.gov.training.reporting.projection.RowMapper;
import vn.gov.training.reporting.projection.Sql;
import vn.gov.training.reporting.projection.StaffRollup;
import vn.gov.training.reporting.projection.YearlyIntervals;

/**
 * Report 3: per unit, the staff active at the end of the year (where they were then) and how many completed the
 * yearly minimum of retraining periods (person_year, kept by deltas as enrolments complete). Both come from read
 * models kept for it (StaffRollup): the staff per unit and year, and person_year placed where each person was at
 * year end.
 */
@RequestScoped
public class YearlyMinimumReport {

    public record Line(String unit, String unitName, long active, long met, long notMet, double metShare) {
    }

    /**
     * {@code minimumPeriods} is the minimum of every rule applied, or null when the staff categories' minimums
     * differ ({@code rules} has each).
     */
    public record Result(String unit, String unitName, int year, LocalDate asOf, Integer minimumPeriods,
                         String staffCategory, List<YearlyMinimumRules.Rule> rules, List<Line> rows, Line total) {
    }

    private final ReadModel readModel;
    private final ReportUnits units;
    private final Sql sql;
    private final YearlyMinimumRules minimumRules;

    YearlyMinimumReport(ReadModel readModel, ReportUnits units, Sql sql, YearlyMinimumRules minimumRules) {
        this.readModel = readModel;
        this.units = units;
        this.sql = sql;
        this.minimumRules = minimumRules;
    }

    /** Active staff on a date: in force person version, not LEFT. */
    public static Where activeOn(List<String> codes, LocalDate asOf, String staffCategory) {
        return new Where().units("v.unit_code", codes).and("v.effective_from <= ?", asOf)
                .and("(v.effective_to is null or v.effective_to > ?)", asOf).and("v.status <> 'LEFT'")
                .andIf(staffCategory, "v.category = ?");
    }

    @Transactional
    public Result run(String unit, int year, String staffCategory) {
        readModel.useActive();
        String root = units.root(unit);
        LocalDate asOf = Period.year(year).unitsAsOf();
        List<String> codes = units.codes(root, asOf);
        // the staff categories the minimum applies to in the year, each with its own minimum
        List<YearlyMinimumRules.Rule> rules = minimumRules.ofYear(year, staffCategory);
        Map<String, Long> met = new java.util.HashMap<>();
        Map<String, Long> staff = new TreeMap<>();
        for (YearlyMinimumRules.Rule rule : rules) {
            met(codes, year, asOf, rule.staffCategory(), rule.minimumPeriods())
                    .forEach((k, v) -> met.merge(k, v, Long::sum));
            active(codes, asOf, rule.staffCategory()).forEach((k, v) -> staff.merge(k, v, Long::sum));
        }
        List<Line> rows = new ArrayList<>();
        long active = 0;
        long metTotal = 0;
        Map<String, String> names = units.names(staff.keySet(), asOf);
        for (Map.Entry<String, Long> e : staff.entrySet()) {
            long m = met.getOrDefault(e.getKey(), 0L);
            rows.add(line(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), e.getValue(), m));
            active += e.getValue();
            metTotal += m;
        }
        Integer minimum = rules.stream().map(YearlyMinimumRules.Rule::minimumPeriods).distinct().count() == 1
                ? rules.get(0).minimumPeriods() : null;
        return new Result(root, units.name(root, asOf), year, asOf, minimum, staffCategory, rules, rows,
                line(root, "Tổng cộng", active, metTotal));
    }

    /** The active staff per unit on a date, from staff_rollup (YearlyIntervals) or, before its first year, counted. */
    private Map<String, Long> active(List<String> codes, LocalDate asOf, String staffCategory) {
        List<Staff> found;
        if (YearlyIntervals.rolledUp(asOf)) {
            Where rows = new Where().units("unit_code", codes).andIf(staffCategory, "category = ?");
            Where versions = new Where().units("i.unit_code", codes).andIf(staffCategory, "i.category = ?");
            YearlyIntervals.Statement count = StaffRollup.INTERVALS.countOn(asOf, "unit_code", "staff_rollup",
                    "staff_change", new YearlyIntervals.Statement(rows.sql(), rows.params()), "", List.of(),
                    new YearlyIntervals.Statement(versions.sql(), versions.params()));
            found = sql.list(count.sql(), Staff.ROW, count.params());
        } else {
            Where where = activeOn(codes, asOf, staffCategory);
            found = sql.list("select v.unit_code, count(*) from person_version v where " + where.sql()
                    + " group by v.unit_code", Staff.ROW, where.params());
        }
        Map<String, Long> staff = new TreeMap<>();
        for (Staff s : found) {
            if (s.people() != 0) {
                staff.put(s.unit(), s.people());
            }
        }
        return staff;
    }

    /**
     * The staff per unit who completed the minimum in the year: from person_year placed at year end; for the current
     * year (units as of today) by the person's version on that date.
     */
    private Map<String, Long> met(List<String> codes, int year, LocalDate asOf, String staffCategory,
                                  int minimumPeriods) {
        List<Staff> found;
        if (asOf.equals(LocalDate.of(year, 12, 31))) {
            Where where = new Where().and("year = ?", year).and("periods >= ?", minimumPeriods)
                    .and("unit_code is not null").units("unit_code", codes).andIf(staffCategory, "category = ?");
            found = sql.list("select unit_code, count(*) from person_year where " + where.sql()
                    + " group by unit_code", Staff.ROW, where.params());
        } else {
            Where where = activeOn(codes, asOf, staffCategory);
            found = sql.list("""
                    select v.unit_code, count(*) from person_year y join person_version v
                        on v.personnel_id = y.personnel_id
                    where %s and y.year = ? and y.periods >= ? group by v.unit_code""".formatted(where.sql()),
                    Staff.ROW, where.params(year, minimumPeriods));
        }
        Map<String, Long> met = new java.util.HashMap<>();
        found.forEach(s -> met.put(s.unit(), s.people()));
        return met;
    }

    /** How many staff of a unit. */
    private record Staff(String unit, long people) {
        static final RowMapper<Staff> ROW = r -> new Staff(r.string(1), r.longValue(2));
    }

    /** "40" when every staff category has the same minimum, else "Công chức 40, Viên chức 60". */
    private static String minimums(List<YearlyMinimumRules.Rule> rules) {
        if (rules.stream().map(YearlyMinimumRules.Rule::minimumPeriods).distinct().count() == 1) {
            return String.valueOf(rules.get(0).minimumPeriods());
        }
        return rules.stream().map(x -> Labels.of(x.staffCategory()) + " " + x.minimumPeriods())
                .reduce((a, b) -> a + ", " + b).orElse("không áp dụng");
    }

    private static Line line(String unit, String name, long active, long met) {
        double share = active == 0 ? 0 : Math.round(1000.0 * met / active) / 1000.0;
        return new Line(unit, name, active, met, active - met, share);
    }

    public ExcelTable table(Result r) {
        List<List<Object>> rows = new ArrayList<>();
        for (Line l : r.rows()) {
            rows.add(ExcelTable.row(l.unitName(), l.active(), l.met(), l.notMet(), l.metShare()));
        }
        Line t = r.total();
        rows.add(ExcelTable.row("Tổng cộng", t.active(), t.met(), t.notMet(), t.metShare()));
        return new ExcelTable("BÁO CÁO THỰC HIỆN BỒI DƯỠNG TỐI THIỂU HẰNG NĂM NĂM " + r.year(),
                List.of("Đơn vị: " + r.unitName(), "Số tiết tối thiểu: " + minimums(r.rules()),
                        "Tính đến ngày " + Dates.vn(r.asOf())),
                List.of(ExcelTable.text(Labels.heading("unitName")), ExcelTable.count(Labels.heading("active")),
                        ExcelTable.count(Labels.heading("met")), ExcelTable.count(Labels.heading("notMet")), ExcelTable.percent(Labels.heading("metShare"))),
                rows);
    }
}

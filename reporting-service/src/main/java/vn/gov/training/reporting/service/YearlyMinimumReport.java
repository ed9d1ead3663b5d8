package vn.gov.training.reporting.service;

import static vn.gov.training.reporting.service.TrainingSummaryReport.n;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.reporting.projection.ReadModel;
import vn.gov.training.reporting.projection.Sql;

/**
 * Report 3: per unit, the staff active at the end of the year (where they were then) and how many completed the
 * yearly minimum of retraining periods (person_year, kept by deltas as enrolments complete).
 */
@RequestScoped
public class YearlyMinimumReport {

    public record Line(String unit, String unitName, long active, long met, long notMet, double metShare) {
    }

    public record Result(String unit, String unitName, int year, LocalDate asOf, int minimumPeriods,
                         String staffCategory, List<Line> rows, Line total) {
    }

    @ConfigProperty(name = "training.reports.yearly-minimum-periods", defaultValue = "40")
    int minimumPeriods;

    private final ReadModel readModel;
    private final ReportUnits units;
    private final Sql sql;

    YearlyMinimumReport(ReadModel readModel, ReportUnits units, Sql sql) {
        this.readModel = readModel;
        this.units = units;
        this.sql = sql;
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
        Where where = activeOn(units.codes(root, asOf), asOf, staffCategory);
        List<Line> rows = new ArrayList<>();
        long active = 0;
        long met = 0;
        List<Object[]> found = sql.rows("""
                select v.unit_code, count(*), count(*) filter (where coalesce(y.periods, 0) >= ?)
                from person_version v left join person_year y on y.personnel_id = v.personnel_id and y.year = ?
                where %s group by v.unit_code order by v.unit_code""".formatted(where.sql()),
                params(where, year));
        java.util.Map<String, String> names = units.names(found.stream().map(r -> (String) r[0]).toList(), asOf);
        for (Object[] r : found) {
            long a = n(r[1]);
            long m = n(r[2]);
            rows.add(line((String) r[0], names.getOrDefault((String) r[0], (String) r[0]), a, m));
            active += a;
            met += m;
        }
        return new Result(root, units.name(root, asOf), year, asOf, minimumPeriods, staffCategory, rows,
                line(root, "Tổng cộng", active, met));
    }

    private Object[] params(Where where, int year) {
        Object[] conditions = where.params();
        Object[] all = new Object[conditions.length + 2];
        all[0] = minimumPeriods;
        all[1] = year;
        System.arraycopy(conditions, 0, all, 2, conditions.length);
        return all;
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
                List.of("Đơn vị: " + r.unitName(), "Số tiết tối thiểu: " + r.minimumPeriods(),
                        "Tính đến ngày " + Dates.vn(r.asOf())),
                List.of(ExcelTable.text("Đơn vị"), ExcelTable.count("Số người đang công tác"),
                        ExcelTable.count("Đạt"), ExcelTable.count("Chưa đạt"), ExcelTable.percent("Tỷ lệ đạt")),
                rows);
    }
}

package vn.gov.training.reporting.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.reporting.projection.TrainingTurn;
import vn.gov.training.reporting.projection.ReadModel;
import vn.gov.training.reporting.projection.RowMapper;
import vn.gov.training.reporting.projection.Sql;

/**
 * Report 6: the approved plans of the units for a year against what happened: classes organised by the units that
 * actually ran (IN_PROGRESS or COMPLETED; planned, open and cancelled ones do not count) and training turns of their
 * staff, by programme category and level. With a staff category, the actual figures are those of that category
 * (classes that ran with at least one such learner); plans are not split by staff category, so the planned figures
 * stay those of the whole plan.
 */
@RequestScoped
public class PlanVsActualReport {

    public record Line(String category, String categoryName, String level, String levelName, long plannedClasses,
                       long actualClasses, long targetLearners, long actualTurns) {
    }

    /** Class statuses of a class that actually ran. */
    static final String RAN = "status in ('IN_PROGRESS', 'COMPLETED')";

    public record Result(String unit, String unitName, int year, String staffCategory, List<Line> rows, Line total) {
    }

    private final ReadModel readModel;
    private final ReportUnits units;
    private final Sql sql;

    PlanVsActualReport(ReadModel readModel, ReportUnits units, Sql sql) {
        this.readModel = readModel;
        this.units = units;
        this.sql = sql;
    }

    @Transactional
    public Result run(String unit, int year, String staffCategory) {
        readModel.useActive();
        String root = units.root(unit);
        Period period = Period.year(year);
        List<String> codes = units.codes(root, period.unitsAsOf());
        Map<String, long[]> lines = new TreeMap<>();
        Where plans = new Where().and("p.year = ?", year).units("p.org_unit_code", codes);
        for (Planned p : sql.list("""
                select coalesce(i.category, ''), coalesce(i.level, ''), sum(i.planned_classes), sum(i.target_learners)
                from plan p join plan_item i using (plan_id) where %s group by 1, 2""".formatted(plans.sql()),
                r -> new Planned(r.string(1) + "|" + r.string(2), r.longValue(3), r.longValue(4)),
                plans.params())) {
            long[] v = lines.computeIfAbsent(p.line(), k -> new long[4]);
            v[0] += p.classes();
            v[2] += p.learners();
        }
        Where classes = new Where().and("k.start_date between ? and ?", period.from(), period.to())
                .and("k." + RAN).units("k.organising_unit", codes);
        if (staffCategory != null) {
            classes.and("exists (select 1 from enrolment e where e.class_id = k.class_id and e.staff_category = ?"
                    + " and e." + TrainingTurn.TURN + ")", staffCategory);
        }
        for (Figure f : sql.list("""
                select coalesce(k.category, ''), coalesce(k.level, ''), count(*) from training_class k where %s
                group by 1, 2""".formatted(classes.sql()), Figure.ROW, classes.params())) {
            lines.computeIfAbsent(f.line(), k -> new long[4])[1] += f.value();
        }
        // turns from the yearly rows of training_rollup where anchors serve the scope, from training_fact elsewhere
        RollupScope scope = RollupScope.of(sql, codes, period, staffCategory);
        List<Figure> turns = new ArrayList<>();
        if (scope.usesRollups()) {
            Where rolled = period.rollupRows("period_month").units("anchor_code", scope.anchors())
                    .andIf(staffCategory, "staff_category = ?").and("split = 'LINE'");
            turns.addAll(sql.list("select category, level, sum(turns) from training_rollup where %s group by 1, 2"
                    .formatted(rolled.sql()), Figure.ROW, rolled.params()));
        }
        if (scope.hasRest()) {
            Where facts = new Where().and("period_month between ? and ?", period.from(), period.to())
                    .units("unit_code", scope.rest()).andIf(staffCategory, "staff_category = ?")
                    .and(TrainingTurn.TURN);
            turns.addAll(sql.list("select category, level, sum(turns) from training_fact where %s group by 1, 2"
                    .formatted(facts.sql()), Figure.ROW, facts.params()));
        }
        for (Figure f : turns) {
            if (f.value() != 0) {
                lines.computeIfAbsent(f.line(), k -> new long[4])[3] += f.value();
            }
        }
        List<Line> rows = new ArrayList<>();
        long[] total = new long[4];
        lines.forEach((key, v) -> {
            String[] k = key.split("\\|", -1);
            rows.add(new Line(k[0], Labels.of(k[0]), k[1], Labels.level(k[0], k[1]), v[0], v[1], v[2], v[3]));
            for (int i = 0; i < 4; i++) {
                total[i] += v[i];
            }
        });
        return new Result(root, units.name(root, period.unitsAsOf()), year, staffCategory, rows,
                new Line(null, "Tổng cộng", null, null, total[0], total[1], total[2], total[3]));
    }

    public ExcelTable table(Result r) {
        List<List<Object>> rows = new ArrayList<>();
        for (Line l : r.rows()) {
            rows.add(cells(l));
        }
        rows.add(cells(r.total()));
        return new ExcelTable("BÁO CÁO THỰC HIỆN KẾ HOẠCH ĐÀO TẠO, BỒI DƯỠNG NĂM " + r.year(),
                List.of("Đơn vị: " + r.unitName(),
                        "Đối tượng: " + (r.staffCategory() == null ? "Tất cả" : Labels.of(r.staffCategory()))),
                List.of(ExcelTable.text(Labels.heading("category")), ExcelTable.text(Labels.heading("level")),
                        ExcelTable.count(Labels.heading("plannedClasses")), ExcelTable.count(Labels.heading("actualClasses")),
                        ExcelTable.count(Labels.heading("targetLearners")), ExcelTable.count(Labels.heading("actualTurns"))),
                rows);
    }

    /** The classes and learners planned for a line (category|level). */
    private record Planned(String line, long classes, long learners) {
    }

    /** A count or sum for a line (category|level): the first two columns, then the figure. */
    private record Figure(String line, long value) {
        static final RowMapper<Figure> ROW = r -> new Figure(r.string(1) + "|" + r.string(2), r.longValue(3));
    }

    private static List<Object> cells(Line l) {
        return ExcelTable.row(l.categoryName(), l.levelName(), l.plannedClasses(), l.actualClasses(),
                l.targetLearners(), l.actualTurns());
    }
}

package vn.gov.training.reporting.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.reporting.projection.ReadModel;
import vn.gov.training.reporting.projection.TrainingTurn;
import vn.gov.training.reporting.projection.Sql;

/** Report 4: nominations assessed WARN or MISFIT, how many went ahead anyway (training turns, TrainingTurn) and what those turns cost (training_fact). */
@RequestScoped
public class FitReport {

    public record Line(String fit, String category, String categoryName, String level, String levelName,
                       long nominations, long wentAhead, long costVnd) {
    }

    public record Result(String unit, String unitName, LocalDate from, LocalDate to, String staffCategory,
                         List<Line> rows, Line total) {
    }

    private final ReadModel readModel;
    private final ReportUnits units;
    private final Sql sql;

    FitReport(ReadModel readModel, ReportUnits units, Sql sql) {
        this.readModel = readModel;
        this.units = units;
        this.sql = sql;
    }

    @Transactional
    public Result run(String unit, LocalDate from, LocalDate to, String staffCategory) {
        readModel.useActive();
        String root = units.root(unit);
        Period period = Period.of(from, to);
        Where where = new Where().and("period_month between ? and ?", period.from(), period.to())
                .units("unit_code", units.codes(root, period.unitsAsOf())).andIf(staffCategory, "staff_category = ?")
                .and("fit in ('WARN', 'MISFIT')");
        List<Line> rows = new ArrayList<>();
        long[] total = new long[3];
        for (Line line : sql.list("""
                select fit, category, level, sum(turns), coalesce(sum(turns) filter (where %s), 0),
                    coalesce(sum(cost_vnd) filter (where %s), 0)
                from training_fact where %s group by 1, 2, 3 order by 1 desc, 2, 3"""
                .formatted(TrainingTurn.TURN, TrainingTurn.TURN, where.sql()), r -> {
                    String category = r.string("category");
                    String level = r.string("level");
                    return new Line(r.string("fit"), category, Labels.of(category), level,
                            Labels.level(category, level), r.longValue(4), r.longValue(5), r.longValue(6));
                }, where.params())) {
            rows.add(line);
            total[0] += line.nominations();
            total[1] += line.wentAhead();
            total[2] += line.costVnd();
        }
        return new Result(root, units.name(root, period.unitsAsOf()), period.from(), period.to(), staffCategory,
                rows, new Line(null, null, "Tổng cộng", null, null, total[0], total[1], total[2]));
    }

    public ExcelTable table(Result r) {
        List<List<Object>> rows = new ArrayList<>();
        for (Line l : r.rows()) {
            rows.add(ExcelTable.row(Labels.of(l.fit()), l.categoryName(),
                    l.levelName(), l.nominations(), l.wentAhead(), l.costVnd()));
        }
        Line t = r.total();
        rows.add(ExcelTable.row("Tổng cộng", "", "", t.nominations(), t.wentAhead(), t.costVnd()));
        return new ExcelTable("BÁO CÁO CỬ ĐI HỌC CHƯA PHÙ HỢP VỊ TRÍ VIỆC LÀM, CHỨC DANH",
                List.of("Đơn vị: " + r.unitName(), "Từ ngày " + Dates.vn(r.from()) + " đến ngày " + Dates.vn(r.to())),
                List.of(ExcelTable.text(Labels.heading("fit")), ExcelTable.text(Labels.heading("category")), ExcelTable.text(Labels.heading("level")),
                        ExcelTable.count(Labels.heading("nominations")), ExcelTable.count(Labels.heading("wentAhead")),
                        ExcelTable.vnd(Labels.vndHeading("costVnd"))),
                rows);
    }
}

package vn.gov.training.reporting.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.reporting.projection.ReadModel;
import vn.gov.training.reporting.projection.Sql;

/**
 * Report 1: training turns by programme category and level, with classes, distinct people, outcomes, periods and
 * cost by funding source. Sums come from training_fact; classes and distinct people (not additive) from an
 * index-only count over the narrow enrolment index of the units asked.
 */
@RequestScoped
public class TrainingSummaryReport {

    /** Enrolments that are training turns: the person sat in the class. */
    public static final String TURN = "status in ('IN_PROGRESS', 'COMPLETED', 'FAILED', 'WITHDRAWN')";

    public record Line(String category, String categoryName, String level, String levelName, long classes,
                       long turns, long people, long completed, long failed, long withdrawn, long inProgress,
                       long periods, long costVnd) {
    }

    public record Split(String code, String name, long turns, long costVnd, long fundedVnd) {
    }

    public record Result(String unit, String unitName, LocalDate from, LocalDate to, String staffCategory,
                         List<Line> rows, Line total, List<Split> byDeliveryMode, List<Split> byLocation,
                         List<Split> byFundingSource) {
    }

    private final ReadModel readModel;
    private final ReportUnits units;
    private final Sql sql;

    TrainingSummaryReport(ReadModel readModel, ReportUnits units, Sql sql) {
        this.readModel = readModel;
        this.units = units;
        this.sql = sql;
    }

    @Transactional
    public Result run(String unit, LocalDate from, LocalDate to, String staffCategory) {
        readModel.useActive();
        String root = units.root(unit);
        Period period = Period.of(from, to);
        List<String> codes = units.codes(root, period.unitsAsOf());

        Where facts = new Where().and("period_month between ? and ?", period.from(), period.to())
                .units("unit_code", codes).andIf(staffCategory, "staff_category = ?").and(TURN);
        Map<String, long[]> lines = new TreeMap<>();
        Map<String, long[]> modes = new TreeMap<>();
        Map<String, long[]> locations = new TreeMap<>();
        Map<String, long[]> sources = new TreeMap<>();
        for (Object[] r : sql.rows("""
                select category, level, status, delivery_mode, location, funding_source, sum(turns), sum(periods),
                    sum(cost_vnd), sum(funding_vnd)
                from training_fact where %s group by 1, 2, 3, 4, 5, 6""".formatted(facts.sql()), facts.params())) {
            long turns = n(r[6]);
            long cost = n(r[8]);
            long[] line = lines.computeIfAbsent(r[0] + "|" + r[1], k -> new long[9]);
            line[1] += turns;
            switch ((String) r[2]) {
                case "COMPLETED" -> line[3] += turns;
                case "FAILED" -> line[4] += turns;
                case "WITHDRAWN" -> line[5] += turns;
                default -> line[6] += turns;
            }
            line[7] += n(r[7]);
            line[8] += cost;
            add(modes, (String) r[3], turns, cost, n(r[9]));
            add(locations, (String) r[4], turns, cost, n(r[9]));
            add(sources, (String) r[5], turns, cost, n(r[9]));
        }
        Where people = new Where().and("start_date between ? and ?", period.from(), period.to())
                .units("unit_code", codes).andIf(staffCategory, "staff_category = ?").and(TURN);
        long[] total = new long[9];
        for (Object[] r : sql.rows("""
                select category, level, count(distinct personnel_id), count(distinct class_id), grouping(category)
                from enrolment where %s group by grouping sets ((category, level), ())""".formatted(people.sql()),
                people.params())) {
            if (n(r[4]) == 1) {
                total[2] = n(r[2]);
                total[0] = n(r[3]);
            } else {
                long[] line = lines.computeIfAbsent(r[0] + "|" + r[1], k -> new long[9]);
                line[2] = n(r[2]);
                line[0] = n(r[3]);
            }
        }
        List<Line> rows = new ArrayList<>();
        for (Map.Entry<String, long[]> e : lines.entrySet()) {
            String[] key = e.getKey().split("\\|", -1);
            long[] v = e.getValue();
            rows.add(line(key[0], key[1], v));
            for (int i = 1; i < 9; i++) {
                if (i != 2) {
                    total[i] += v[i];
                }
            }
        }
        return new Result(root, units.name(root, period.unitsAsOf()), period.from(), period.to(), staffCategory,
                rows, line(null, null, total), splits(modes), splits(locations), splits(sources));
    }

    public ExcelTable table(Result r) {
        List<List<Object>> rows = new ArrayList<>();
        for (Line l : r.rows()) {
            rows.add(ExcelTable.row(l.categoryName(), l.levelName(), l.classes(), l.turns(), l.people(),
                    l.completed(), l.failed(), l.withdrawn(), l.inProgress(), l.periods(), l.costVnd()));
        }
        Line t = r.total();
        rows.add(ExcelTable.row("Tổng cộng", "", t.classes(), t.turns(), t.people(), t.completed(), t.failed(),
                t.withdrawn(), t.inProgress(), t.periods(), t.costVnd()));
        rows.add(ExcelTable.row());
        for (Split s : r.byDeliveryMode()) {
            rows.add(ExcelTable.row("Hình thức: " + s.name(), "", null, s.turns(), null, null, null, null, null,
                    null, s.costVnd()));
        }
        for (Split s : r.byLocation()) {
            rows.add(ExcelTable.row("Địa điểm: " + s.name(), "", null, s.turns(), null, null, null, null, null,
                    null, s.costVnd()));
        }
        for (Split s : r.byFundingSource()) {
            rows.add(ExcelTable.row("Nguồn kinh phí: " + s.name(), "", null, s.turns(), null, null, null, null,
                    null, null, s.costVnd()));
        }
        return new ExcelTable("BÁO CÁO TỔNG HỢP KẾT QUẢ ĐÀO TẠO, BỒI DƯỠNG",
                List.of("Đơn vị: " + r.unitName(), "Từ ngày " + Dates.vn(r.from()) + " đến ngày " + Dates.vn(r.to()),
                        "Đối tượng: " + (r.staffCategory() == null ? "Tất cả" : Labels.of(r.staffCategory()))),
                List.of(ExcelTable.text("Loại chương trình"), ExcelTable.text("Trình độ / cấp độ"),
                        ExcelTable.count("Số lớp"), ExcelTable.count("Lượt cán bộ"), ExcelTable.count("Số người"),
                        ExcelTable.count("Hoàn thành"), ExcelTable.count("Không đạt"), ExcelTable.count("Thôi học"),
                        ExcelTable.count("Đang học"), ExcelTable.count("Số tiết"), ExcelTable.vnd("Kinh phí (đồng)")),
                rows);
    }

    private static Line line(String category, String level, long[] v) {
        return new Line(category, category == null ? "Tổng cộng" : Labels.of(category), level,
                level == null ? null : Labels.of(level), v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
    }

    private static void add(Map<String, long[]> map, String key, long turns, long cost, long funded) {
        long[] v = map.computeIfAbsent(key, k -> new long[3]);
        v[0] += turns;
        v[1] += cost;
        v[2] += funded;
    }

    private static List<Split> splits(Map<String, long[]> map) {
        return map.entrySet().stream()
                .map(e -> new Split(e.getKey(), Labels.of(e.getKey()), e.getValue()[0], e.getValue()[1],
                        e.getValue()[2]))
                .toList();
    }

    static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}

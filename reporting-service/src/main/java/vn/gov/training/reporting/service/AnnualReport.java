package vn.gov.training.reporting.service;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.platform.time.ProvinceTime;
import vn.gov.training.platform.vocabulary.CodeLists;
import vn.gov.training.reporting.projection.AnnualMeasures;
import vn.gov.training.reporting.projection.AnnualMeasures.Column;
import vn.gov.training.reporting.projection.ReadModel;
import vn.gov.training.reporting.projection.Row;
import vn.gov.training.reporting.projection.Sql;
import vn.gov.training.reporting.projection.TrainingTurn;

/**
 * Report 8: the annual results in the Ministry of Home Affairs layout. Rows: staff category, split into leaders
 * and others; columns: training type and level; then women, ethnic minorities and spending by funding source.
 * Overseas turns are also counted in their own column ("of which overseas"). Wide scopes read annual_rollup for the
 * units it covers (see {@link RollupScope}), training_fact for the others.
 */
@RequestScoped
public class AnnualReport {

    public record Line(String staffCategory, Boolean leader, String label, Map<String, Long> columns, long total,
                       long women, long ethnicMinority, Map<String, Long> spendingVnd, long totalSpendingVnd) {
    }

    public record Result(String unit, String unitName, int year, List<Column> columns, List<Line> rows,
                         Line total) {
    }

    private final ReadModel readModel;
    private final ReportUnits units;
    private final Sql sql;

    AnnualReport(ReadModel readModel, ReportUnits units, Sql sql) {
        this.readModel = readModel;
        this.units = units;
        this.sql = sql;
    }

    public static Column column(String key) {
        return AnnualMeasures.COLUMNS.stream().filter(c -> c.key().equals(key)).findFirst()
                .orElseThrow(() -> vn.gov.training.platform.problem.ProblemException.invalid("report-cell-unknown", key));
    }

    @Transactional
    public Result run(String unit, int year, String staffCategory) {
        readModel.useActive();
        String root = units.root(unit);
        Period period = Period.year(year);
        RollupScope scope = RollupScope.of(sql, units.codes(root, period.unitsAsOf()), period, staffCategory);
        int width = AnnualMeasures.COLUMNS.size() + 3 + AnnualMeasures.SOURCES.size() + 1;
        Map<String, long[]> found = new LinkedHashMap<>();
        if (scope.usesRollups()) {
            Where rolled = new Where().and("year = ?", year).units("anchor_code", scope.anchors())
                    .andIf(staffCategory, "staff_category = ?");
            for (Measured m : sql.list("select staff_category, leader, measure, sum(value) from annual_rollup where "
                    + rolled.sql() + " group by 1, 2, 3", r -> new Measured(group(r), r.string("measure"),
                    r.longValue(4)), rolled.params())) {
                found.computeIfAbsent(m.group(), k -> new long[width])[measure(m.measure())] += m.value();
            }
        }
        if (scope.hasRest()) {
            Where where = new Where().and("period_month between ? and ?", period.from(), period.to())
                    .units("unit_code", scope.rest()).andIf(staffCategory, "staff_category = ?")
                    .and(TrainingTurn.TURN);
            StringBuilder select = new StringBuilder("select staff_category, leader");
            for (Column c : AnnualMeasures.COLUMNS) {
                select.append(", sum(turns) filter (where ").append(c.condition()).append(")");
            }
            select.append(", sum(turns), sum(turns) filter (where gender = 'FEMALE'),")
                    .append(" sum(turns) filter (where ethnic_minority)");
            for (String s : AnnualMeasures.SOURCES) {
                select.append(", sum(cost_vnd) filter (where funding_source = '").append(s).append("')");
            }
            select.append(", sum(cost_vnd) from training_fact where ").append(where.sql())
                    .append(" group by staff_category, leader");
            for (Summed s : sql.list(select.toString(), r -> new Summed(group(r), r.longs(3, width)),
                    where.params())) {
                long[] v = found.computeIfAbsent(s.group(), k -> new long[width]);
                for (int i = 0; i < width; i++) {
                    v[i] += s.values()[i];
                }
            }
        }
        List<Line> rows = new ArrayList<>();
        long[] total = new long[width];
        for (String category : CodeLists.STAFF_CATEGORIES.codes()) {
            if (staffCategory != null && !staffCategory.equals(category)) {
                continue;
            }
            for (boolean leader : List.of(true, false)) {
                long[] v = found.getOrDefault(category + "|" + leader, new long[width]);
                for (int i = 0; i < width; i++) {
                    total[i] += v[i];
                }
                rows.add(line(category, leader, Labels.of(category) + (leader ? " - lãnh đạo, quản lý" : " - khác"), v));
            }
        }
        return new Result(root, units.name(root, period.unitsAsOf()), year, AnnualMeasures.COLUMNS, rows,
                line(null, null, "Tổng cộng", total));
    }

    /** A measure of annual_rollup summed for a line (staff category|leader). */
    private record Measured(String group, String measure, long value) {
    }

    /** The figures of training_fact summed for a line (staff category|leader), in the order of a line's figures. */
    private record Summed(String group, long[] values) {
    }

    /** The line a row of figures belongs to: staff category|leader. */
    private static String group(Row r) throws SQLException {
        return r.string("staff_category") + "|" + r.bool("leader");
    }

    /** Where a measure of annual_rollup (AnnualRollup) goes in a line's figures. */
    private static int measure(String measure) {
        int k = AnnualMeasures.COLUMNS.size();
        return switch (measure) {
            case "TOTAL" -> k;
            case "WOMEN" -> k + 1;
            case "MINORITY" -> k + 2;
            case "COST" -> k + 3 + AnnualMeasures.SOURCES.size();
            default -> measure.startsWith("COST_") ? k + 3 + AnnualMeasures.SOURCES.indexOf(measure.substring(5))
                    : AnnualMeasures.COLUMNS.indexOf(column(measure));
        };
    }

    private static Line line(String category, Boolean leader, String label, long[] v) {
        Map<String, Long> columns = new LinkedHashMap<>();
        for (int i = 0; i < AnnualMeasures.COLUMNS.size(); i++) {
            columns.put(AnnualMeasures.COLUMNS.get(i).key(), v[i]);
        }
        int k = AnnualMeasures.COLUMNS.size();
        Map<String, Long> spending = new LinkedHashMap<>();
        for (int i = 0; i < AnnualMeasures.SOURCES.size(); i++) {
            spending.put(AnnualMeasures.SOURCES.get(i), v[k + 3 + i]);
        }
        return new Line(category, leader, label, columns, v[k], v[k + 1], v[k + 2], spending,
                v[k + 3 + AnnualMeasures.SOURCES.size()]);
    }

    /**
     * The form's two-level headings of the columns: the group a column sits under and its own heading there (a
     * column without a group spans both heading rows under its heading in {@link #AnnualMeasures.COLUMNS}).
     */
    private static final Map<String, String[]> FORM_HEADINGS = Map.ofEntries(
            Map.entry("PT_ADVANCED", new String[] {"Lý luận chính trị", "Cao cấp, cử nhân"}),
            Map.entry("PT_INTERMEDIATE", new String[] {"Lý luận chính trị", "Trung cấp"}),
            Map.entry("PT_ELEMENTARY", new String[] {"Lý luận chính trị", "Sơ cấp"}),
            Map.entry("SM_SENIOR", new String[] {"Quản lý nhà nước", "Chuyên viên cao cấp"}),
            Map.entry("SM_PRINCIPAL", new String[] {"Quản lý nhà nước", "Chuyên viên chính"}),
            Map.entry("SM_SPECIALIST", new String[] {"Quản lý nhà nước", "Chuyên viên"}),
            Map.entry("LEADERSHIP", new String[] {"Bồi dưỡng theo vị trí", "Lãnh đạo, quản lý"}),
            Map.entry("TITLE_BASED", new String[] {"Bồi dưỡng theo vị trí", "Theo chức danh"}),
            Map.entry("DEFENCE_1", new String[] {"Quốc phòng và an ninh", "Đối tượng 1"}),
            Map.entry("DEFENCE_2", new String[] {"Quốc phòng và an ninh", "Đối tượng 2"}),
            Map.entry("DEFENCE_3", new String[] {"Quốc phòng và an ninh", "Đối tượng 3"}),
            Map.entry("DEFENCE_4", new String[] {"Quốc phòng và an ninh", "Đối tượng 4"}),
            Map.entry("DOCTORATE", new String[] {"Đào tạo", "Tiến sĩ"}),
            Map.entry("MASTER", new String[] {"Đào tạo", "Thạc sĩ"}),
            Map.entry("BACHELOR", new String[] {"Đào tạo", "Đại học"}),
            Map.entry("PROFESSIONAL", new String[] {"Chuyên môn, kỹ năng", "Chuyên môn, nghiệp vụ khác"}),
            Map.entry("DIGITAL_SKILLS", new String[] {"Chuyên môn, kỹ năng", "Kỹ năng số, CNTT"}),
            Map.entry("FOREIGN_LANGUAGE", new String[] {"Chuyên môn, kỹ năng", "Ngoại ngữ"}));

    /** The Excel file in the Ministry's form layout (see {@link ExcelTable.Form}). */
    public ExcelTable table(Result r) {
        List<ExcelTable.Column> columns = new ArrayList<>();
        columns.add(ExcelTable.text("Đối tượng"));
        for (Column c : AnnualMeasures.COLUMNS) {
            String[] form = FORM_HEADINGS.get(c.key());
            columns.add(form == null ? ExcelTable.count(c.heading()) : ExcelTable.count(form[1]).in(form[0]));
        }
        String turns = "Tổng số lượt người";
        columns.add(ExcelTable.count("Tổng số").in(turns));
        columns.add(ExcelTable.count("Nữ").in(turns));
        columns.add(ExcelTable.count("Dân tộc thiểu số").in(turns));
        String spending = "Kinh phí (đồng)";
        for (String s : AnnualMeasures.SOURCES) {
            columns.add(ExcelTable.vnd(Labels.of(s)).in(spending));
        }
        columns.add(ExcelTable.vnd("Tổng cộng").in(spending));
        List<List<Object>> rows = new ArrayList<>();
        for (Line l : r.rows()) {
            rows.add(cells(l));
        }
        rows.add(cells(r.total()));
        Config config = ConfigProvider.getConfig();
        ExcelTable.Form form = new ExcelTable.Form(
                config.getOptionalValue("training.reports.annual.form-number", String.class).orElse("Biểu số 01/ĐTBD"),
                config.getOptionalValue("training.reports.annual.issuing-body", String.class).orElse("Bộ Nội vụ"),
                r.unitName(),
                config.getOptionalValue("training.reports.annual.recipient", String.class).orElse("Bộ Nội vụ"),
                config.getOptionalValue("training.reports.place", String.class).orElse("Hậu Giang"),
                ProvinceTime.today(), true);
        return new ExcelTable("BÁO CÁO KẾT QUẢ ĐÀO TẠO, BỒI DƯỠNG CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC NĂM " + r.year(),
                List.of("Đơn vị tính: lượt người; kinh phí: đồng"), columns, rows, form);
    }

    private static List<Object> cells(Line l) {
        List<Object> row = new ArrayList<>();
        row.add(l.label());
        row.addAll(l.columns().values());
        row.add(l.total());
        row.add(l.women());
        row.add(l.ethnicMinority());
        row.addAll(l.spendingVnd().values());
        row.add(l.totalSpendingVnd());
        return row;
    }
}

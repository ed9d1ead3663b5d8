package vn.gov.training.reporting.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.platform.time.ProvinceTime;
import vn.gov.training.reporting.projection.ReadModel;
import vn.gov.training.reporting.projection.Sql;

/**
 * Report 5: people in a succession plan who failed an exam or a course, withdrew, or still lack levels their planned
 * title needs (the planGaps of the personnel events, kept in plan_gap); and people graded EXCELLENT who are not
 * planned. Also the number of planned people lacking each level, whose drill-down lists them.
 */
@RequestScoped
public class SuccessionReviewReport {

    /** A level a planned person lacks for a planned title. */
    public record Gap(String titleCode, String kind, String kindName, String level, String levelName) {
    }

    public record Item(UUID personnelId, String fullName, String unitCode, String unitName, String plannedTitles,
                       long failed,
                       long withdrawn, long excellent, List<Gap> missingLevels) {
    }

    /** How many planned people lack one level. */
    public record GapLine(String kind, String kindName, String level, String levelName, long people) {
    }

    /**
     * {@code plannedToReview} and {@code excellentNotPlanned} hold the page asked of their lists (people by name), or
     * everyone (the Excel file); the totals count everyone.
     */
    public record Result(String unit, String unitName, String staffCategory, long plannedToReviewTotal,
                         long excellentNotPlannedTotal, List<Item> plannedToReview,
                         List<Item> excellentNotPlanned, List<GapLine> lackingLevels) {
    }

    /** The person (alias p) is in a succession plan now: one of their planned titles is ACTIVE. */
    static final String PLANNED = "p.planned";

    private final ReadModel readModel;
    private final ReportUnits units;
    private final Sql sql;

    SuccessionReviewReport(ReadModel readModel, ReportUnits units, Sql sql) {
        this.readModel = readModel;
        this.units = units;
        this.sql = sql;
    }

    /** Active people now in the units asked (and of the staff category asked). */
    static Where people(List<String> codes, String staffCategory) {
        return new Where().units("p.unit_code", codes).and("p.status <> 'LEFT'")
                .andIf(staffCategory, "p.category = ?");
    }

    /** The review with page {@code page} of {@code size} people of each list, or everyone when size is null. */
    @Transactional
    public Result run(String unit, String staffCategory, int page, Integer size) {
        readModel.useActive();
        String root = units.root(unit);
        java.time.LocalDate today = ProvinceTime.today();
        List<String> codes = units.codes(root, today);
        Where where = people(codes, staffCategory);
        // planned people from the partial index person_planned alone, excellent ones not planned from
        // person_excellent (both cover the filters, the name and the id); their failed, withdrawn and excellent
        // enrolments are counted in person_result. The rest of a person is read for the people of the page only.
        // The planned people lacking each level are counted per unit in gap_rollup.
        String review = where.sql() + " and " + PLANNED + " and (r.failed > 0 or r.withdrawn > 0"
                + " or exists (select 1 from plan_gap y where y.personnel_id = p.personnel_id))";
        String excellent = where.sql() + " and p.excellent and not " + PLANNED;
        Where gaps = new Where().units("unit_code", codes).andIf(staffCategory, "category = ?");
        List<GapLine> lacking = sql.list("select kind, level, sum(people) from gap_rollup where " + gaps.sql()
                        + " group by kind, level having sum(people) > 0 order by kind, level",
                r -> {
                    String kind = r.string("kind");
                    String level = r.string("level");
                    return new GapLine(kind, Labels.of(kind), level, Labels.level(kind, level), r.longValue(3));
                }, gaps.params());
        return new Result(root, units.name(root, today), staffCategory, count(review, where),
                count(excellent, where), items(review, where, page, size),
                items(excellent, where, page, size), lacking);
    }

    private long count(String condition, Where where) {
        return sql.longValue("select count(*) from person p left join person_result r"
                + " on r.personnel_id = p.personnel_id where " + condition, where.params());
    }

    private List<Item> items(String condition, Where where, int page, Integer size) {
        String select = """
                select p.personnel_id, p.full_name, p.unit_code,
                    (select u.name from unit_version u where u.code = p.unit_code and u.effective_from <= current_date
                     order by u.effective_from desc limit 1),
                    (select string_agg(t->>'titleCode', ', ') from jsonb_array_elements(coalesce(p.planned_titles, '[]')::jsonb) t
                     where t->>'status' = 'ACTIVE'),
                    coalesce(r.failed, 0), coalesce(r.withdrawn, 0), coalesce(r.excellent, 0),
                    (select string_agg(coalesce(y.title_code, '') || '|' || y.kind || '|' || y.level, chr(10)
                        order by y.title_code, y.kind, y.level) from plan_gap y where y.personnel_id = p.personnel_id)
                from (select p.personnel_id, p.full_name from person p
                    left join person_result r on r.personnel_id = p.personnel_id
                    where %s order by p.full_name, p.personnel_id %s) k
                join person p on p.personnel_id = k.personnel_id
                left join person_result r on r.personnel_id = p.personnel_id
                order by k.full_name, k.personnel_id""".formatted(condition, size == null ? "" : "limit ? offset ?");
        return items(select, size == null ? where.params() : where.params(size, page * size));
    }

    private List<Item> items(String query, Object[] params) {
        return sql.list(query, r -> {
            String unitCode = r.string("unit_code");
            String unitName = r.string(4);
            return new Item(r.uuid("personnel_id"), r.string("full_name"), unitCode,
                    unitName == null ? unitCode : unitName, r.string(5), r.longValue(6), r.longValue(7),
                    r.longValue(8), gaps(r.string(9)));
        }, params);
    }

    private static List<Gap> gaps(String text) {
        if (text == null) {
            return List.of();
        }
        List<Gap> gaps = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] g = line.split("\\|", -1);
            gaps.add(new Gap(g[0].isEmpty() ? null : g[0], g[1], Labels.of(g[1]), g[2], Labels.level(g[1], g[2])));
        }
        return gaps;
    }

    private static String gapText(List<Gap> gaps) {
        return String.join("; ", gaps.stream().map(g -> g.kindName() + " " + g.levelName()).distinct().toList());
    }

    public ExcelTable table(Result r) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(ExcelTable.row("I. Cán bộ trong quy hoạch cần xem xét"));
        for (Item i : r.plannedToReview()) {
            rows.add(ExcelTable.row(i.fullName(), i.unitName(), Labels.list(i.plannedTitles()), i.failed(), i.withdrawn(),
                    i.excellent(), gapText(i.missingLevels())));
        }
        rows.add(ExcelTable.row("II. Học viên xuất sắc chưa được quy hoạch"));
        for (Item i : r.excellentNotPlanned()) {
            rows.add(ExcelTable.row(i.fullName(), i.unitName(), "", i.failed(), i.withdrawn(), i.excellent(), ""));
        }
        rows.add(ExcelTable.row("III. Số người trong quy hoạch còn thiếu trình độ theo chức danh quy hoạch"));
        for (GapLine g : r.lackingLevels()) {
            rows.add(ExcelTable.row(g.kindName() + " " + g.levelName(), "", "", null, null, null, g.people()));
        }
        return new ExcelTable("BÁO CÁO RÀ SOÁT QUY HOẠCH GẮN VỚI KẾT QUẢ ĐÀO TẠO, BỒI DƯỠNG",
                List.of("Đơn vị: " + r.unitName(),
                        "Đối tượng: " + (r.staffCategory() == null ? "Tất cả" : Labels.of(r.staffCategory()))),
                List.of(ExcelTable.text("Họ và tên"), ExcelTable.text("Đơn vị"), ExcelTable.text("Chức danh quy hoạch"),
                        ExcelTable.count("Số lần không đạt"), ExcelTable.count("Số lần thôi học"),
                        ExcelTable.count("Số lần xếp loại xuất sắc"),
                        ExcelTable.text("Trình độ còn thiếu (mục III: số người)")),
                rows);
    }
}

package vn.gov.training.reporting.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.reporting.projection.ReadModel;
import vn.gov.training.reporting.projection.Sql;

/**
 * Report 5: people in a succession plan who failed an exam or a course, or withdrew; and people graded EXCELLENT
 * who are not planned. (Levels a planned title requires are not in any event yet, so "still lacks the levels" is
 * not reported.)
 */
@RequestScoped
public class SuccessionReviewReport {

    public record Item(UUID personnelId, String fullName, String unitCode, String plannedTitles, long failed,
                       long withdrawn, long excellent) {
    }

    public record Result(String unit, String unitName, List<Item> plannedToReview, List<Item> excellentNotPlanned) {
    }

    private static final String PLANNED = """
            exists (select 1 from jsonb_array_elements(coalesce(p.planned_titles, '[]')::jsonb) t
                    where t->>'status' = 'ACTIVE')""";

    private final ReadModel readModel;
    private final ReportUnits units;
    private final Sql sql;

    SuccessionReviewReport(ReadModel readModel, ReportUnits units, Sql sql) {
        this.readModel = readModel;
        this.units = units;
        this.sql = sql;
    }

    @Transactional
    public Result run(String unit) {
        readModel.useActive();
        String root = units.root(unit);
        java.time.LocalDate today = java.time.LocalDate.now();
        Where where = new Where().units("p.unit_code", units.codes(root, today)).and("p.status <> 'LEFT'");
        // counted per person through the enrolment_person index; the excellent ones found through a partial index
        String select = """
                select p.personnel_id, p.full_name, p.unit_code,
                    (select string_agg(t->>'titleCode', ', ') from jsonb_array_elements(coalesce(p.planned_titles, '[]')::jsonb) t
                     where t->>'status' = 'ACTIVE'),
                    e.failed, e.withdrawn, e.excellent
                from person p cross join lateral (select
                        count(*) filter (where x.status = 'FAILED' or x.exam_failed) failed,
                        count(*) filter (where x.status = 'WITHDRAWN') withdrawn,
                        count(*) filter (where x.grade = 'EXCELLENT') excellent
                    from enrolment x where x.personnel_id = p.personnel_id) e
                where %s and %s order by p.full_name, p.personnel_id""";
        List<Item> review = items(select.formatted(where.sql(), PLANNED + " and (e.failed > 0 or e.withdrawn > 0)"),
                where.params());
        List<Item> excellent = items(select.formatted(where.sql(), "p.personnel_id in (select personnel_id from"
                + " enrolment where grade = 'EXCELLENT') and not " + PLANNED), where.params());
        return new Result(root, units.name(root, today), review, excellent);
    }

    private List<Item> items(String query, Object[] params) {
        return sql.rows(query, params).stream()
                .map(r -> new Item((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                        TrainingSummaryReport.n(r[4]), TrainingSummaryReport.n(r[5]), TrainingSummaryReport.n(r[6])))
                .toList();
    }

    public ExcelTable table(Result r) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(ExcelTable.row("I. Cán bộ trong quy hoạch cần xem xét"));
        for (Item i : r.plannedToReview()) {
            rows.add(ExcelTable.row(i.fullName(), i.unitCode(), i.plannedTitles(), i.failed(), i.withdrawn(),
                    i.excellent()));
        }
        rows.add(ExcelTable.row("II. Học viên xuất sắc chưa được quy hoạch"));
        for (Item i : r.excellentNotPlanned()) {
            rows.add(ExcelTable.row(i.fullName(), i.unitCode(), "", i.failed(), i.withdrawn(), i.excellent()));
        }
        return new ExcelTable("BÁO CÁO RÀ SOÁT QUY HOẠCH GẮN VỚI KẾT QUẢ ĐÀO TẠO, BỒI DƯỠNG",
                List.of("Đơn vị: " + r.unitName()),
                List.of(ExcelTable.text("Họ và tên"), ExcelTable.text("Đơn vị"), ExcelTable.text("Chức danh quy hoạch"),
                        ExcelTable.count("Số lần không đạt"), ExcelTable.count("Số lần thôi học"),
                        ExcelTable.count("Số lần xếp loại xuất sắc")),
                rows);
    }
}

package vn.gov.training.reporting.service;

import static vn.gov.training.reporting.service.TrainingSummaryReport.n;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.platform.time.ProvinceTime;
import vn.gov.training.reporting.projection.ReadModel;
import vn.gov.training.reporting.projection.Sql;

/**
 * Report 7: service commitments of the people now in the units (open, fulfilled, breached, released, with the cost
 * still committed) and the repayment cases decided and recovered. A commitment or repayment counts in the unit of
 * its person now, or, for a person not (yet) in the read model, in the unit the person had at the enrolment (kept on
 * the commitment and repayment rows by the projection, see {@code EnrolmentProjector.PLACE}).
 * Repayments are counted by themselves: those for dropping out, failing or dismissal have no commitment. A
 * commitment is open while it is ACTIVE and not yet ended on the report date; one that ran to its end without a
 * breach counts as fulfilled even before its {@code commitment.fulfilled} event.
 */
@RequestScoped
public class CommitmentsReport {

    public record Line(String unit, String unitName, long open, long fulfilled, long breached, long released,
                       long openCostVnd, long repaymentCases, long decidedVnd, long recoveredVnd) {
    }

    public record Result(String unit, String unitName, LocalDate asOf, String staffCategory, List<Line> rows,
                         Line total) {
    }

    /** A commitment still running on the date (parameter). */
    static final String OPEN = "c.status = 'ACTIVE' and (c.ends_on is null or c.ends_on >= ?)";
    static final String FULFILLED = "(c.status = 'FULFILLED' or (c.status = 'ACTIVE' and c.ends_on < ?))";

    private final ReadModel readModel;
    private final ReportUnits units;
    private final Sql sql;

    CommitmentsReport(ReadModel readModel, ReportUnits units, Sql sql) {
        this.readModel = readModel;
        this.units = units;
        this.sql = sql;
    }

    @Transactional
    public Result run(String unit, String staffCategory) {
        readModel.useActive();
        String root = units.root(unit);
        LocalDate today = ProvinceTime.today();
        List<String> codes = units.codes(root, today);
        Where where = new Where().units("unit_code", codes).andIf(staffCategory, "staff_category = ?");
        List<Object[]> found = sql.rows("""
                with cs as (
                    select coalesce(unit_code, '') unit_code, count(*) filter (where %1$s) open,
                        count(*) filter (where %2$s) fulfilled, count(*) filter (where c.status = 'BREACHED') breached,
                        count(*) filter (where c.status = 'RELEASED') released,
                        coalesce(sum(c.cost_vnd) filter (where %1$s), 0) open_cost
                    from commitment c where %3$s group by 1),
                rs as (
                    select coalesce(unit_code, '') unit_code, count(*) cases,
                        coalesce(sum(amount_vnd) filter (where status in ('DECIDED', 'PAID')), 0) decided,
                        coalesce(sum(amount_vnd) filter (where status = 'PAID'), 0) recovered
                    from repayment where %3$s group by 1)
                select coalesce(cs.unit_code, rs.unit_code), cs.open, cs.fulfilled, cs.breached, cs.released,
                    cs.open_cost, rs.cases, rs.decided, rs.recovered
                from cs full join rs on rs.unit_code = cs.unit_code order by 1"""
                .formatted(OPEN, FULFILLED, where.sql()), params(today, where));
        java.util.Map<String, String> names = units.names(found.stream().map(r -> (String) r[0]).toList(), today);
        List<Line> rows = new ArrayList<>();
        long[] t = new long[8];
        for (Object[] r : found) {
            long[] v = new long[8];
            for (int i = 0; i < 8; i++) {
                v[i] = n(r[i + 1]);
                t[i] += v[i];
            }
            String code = (String) r[0];
            rows.add(line(code, code.isEmpty() ? "Chưa xác định đơn vị" : names.getOrDefault(code, code), v));
        }
        return new Result(root, units.name(root, today), today, staffCategory, rows, line(root, "Tổng cộng", t));
    }

    /** Parameters in the order of the query: open, open cost and fulfilled dates, then the filters twice. */
    private static Object[] params(LocalDate today, Where where) {
        List<Object> all = new ArrayList<>(List.of(today, today, today));
        all.addAll(List.of(where.params()));
        all.addAll(List.of(where.params()));
        return all.toArray();
    }

    private static Line line(String unit, String name, long[] v) {
        return new Line(unit, name, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }

    public ExcelTable table(Result r) {
        List<List<Object>> rows = new ArrayList<>();
        for (Line l : r.rows()) {
            rows.add(cells(l));
        }
        rows.add(cells(r.total()));
        return new ExcelTable("BÁO CÁO CAM KẾT PHỤC VỤ VÀ ĐỀN BÙ CHI PHÍ ĐÀO TẠO",
                List.of("Đơn vị: " + r.unitName(), "Tính đến ngày " + Dates.vn(r.asOf()),
                        "Đối tượng: " + (r.staffCategory() == null ? "Tất cả" : Labels.of(r.staffCategory()))),
                List.of(ExcelTable.text("Đơn vị"), ExcelTable.count("Cam kết đang thực hiện"),
                        ExcelTable.count("Đã hoàn thành"), ExcelTable.count("Vi phạm"),
                        ExcelTable.count("Chấm dứt không phải đền bù"),
                        ExcelTable.vnd("Chi phí đang cam kết (đồng)"), ExcelTable.count("Số vụ đền bù"),
                        ExcelTable.vnd("Số tiền quyết định đền bù (đồng)"), ExcelTable.vnd("Đã thu hồi (đồng)")),
                rows);
    }

    private static List<Object> cells(Line l) {
        return ExcelTable.row(l.unitName(), l.open(), l.fulfilled(), l.breached(), l.released(), l.openCostVnd(),
                l.repaymentCases(), l.decidedVnd(), l.recoveredVnd());
    }
}

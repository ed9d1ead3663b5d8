package vn.gov.training.reporting.service;

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
 * breach counts as fulfilled even before its {@code commitment.fulfilled} event. The counts come from
 * commitment_rollup and repayment_rollup (CommitmentRollup), per unit.
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
        // per unit from the roll-ups; the commitments still ACTIVE after their end (until enrolment-service fulfils
        // them, through the partial index commitment_active_ends) move from open to fulfilled
        List<UnitFigures> found = sql.list("""
                with cs as (
                    select unit_code, sum(items) filter (where status = 'ACTIVE') open,
                        sum(items) filter (where status = 'FULFILLED') fulfilled,
                        sum(items) filter (where status = 'BREACHED') breached,
                        sum(items) filter (where status = 'RELEASED') released,
                        sum(amount_vnd) filter (where status = 'ACTIVE') open_cost
                    from commitment_rollup where %1$s group by 1),
                ended as (
                    select coalesce(unit_code, '') unit_code, count(*) items, coalesce(sum(cost_vnd), 0) cost
                    from commitment c where c.status = 'ACTIVE' and c.ends_on < ? and %1$s group by 1),
                rs as (
                    select unit_code, sum(items) cases,
                        sum(amount_vnd) filter (where status in ('DECIDED', 'PAID')) decided,
                        sum(amount_vnd) filter (where status = 'PAID') recovered
                    from repayment_rollup where %1$s group by 1)
                select coalesce(cs.unit_code, rs.unit_code), coalesce(cs.open, 0) - coalesce(ended.items, 0),
                    coalesce(cs.fulfilled, 0) + coalesce(ended.items, 0), cs.breached, cs.released,
                    coalesce(cs.open_cost, 0) - coalesce(ended.cost, 0), rs.cases, rs.decided, rs.recovered
                from cs left join ended on ended.unit_code = cs.unit_code full join rs on rs.unit_code = cs.unit_code
                where coalesce(cs.open, 0) + coalesce(cs.fulfilled, 0) + coalesce(cs.breached, 0)
                    + coalesce(cs.released, 0) + coalesce(rs.cases, 0) <> 0
                order by 1""".formatted(where.sql()), r -> new UnitFigures(r.string(1), r.longs(2, 8)),
                params(today, where));
        java.util.Map<String, String> names = units.names(found.stream().map(UnitFigures::unit).toList(), today);
        List<Line> rows = new ArrayList<>();
        long[] t = new long[8];
        for (UnitFigures f : found) {
            long[] v = f.figures();
            for (int i = 0; i < 8; i++) {
                t[i] += v[i];
            }
            String code = f.unit();
            rows.add(line(code, code.isEmpty() ? "Chưa xác định đơn vị" : names.getOrDefault(code, code), v));
        }
        return new Result(root, units.name(root, today), today, staffCategory, rows, line(root, "Tổng cộng", t));
    }

    /** A unit's eight figures, in the order of {@link Line} (0 where null). */
    private record UnitFigures(String unit, long[] figures) {
    }

    /** Parameters in the order of the query: the filters, the report date and the filters, the filters. */
    private static Object[] params(LocalDate today, Where where) {
        List<Object> all = new ArrayList<>(List.of(where.params()));
        all.add(today);
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
                List.of(ExcelTable.text(Labels.heading("unitName")), ExcelTable.count(Labels.heading("open")),
                        ExcelTable.count(Labels.heading("fulfilled")), ExcelTable.count(Labels.heading("breached")),
                        ExcelTable.count(Labels.heading("released")),
                        ExcelTable.vnd(Labels.vndHeading("openCostVnd")), ExcelTable.count(Labels.heading("repaymentCases")),
                        ExcelTable.vnd(Labels.vndHeading("decidedVnd")), ExcelTable.vnd(Labels.vndHeading("recoveredVnd"))),
                rows);
    }

    private static List<Object> cells(Line l) {
        return ExcelTable.row(l.unitName(), l.open(), l.fulfilled(), l.breached(), l.released(), l.openCostVnd(),
                l.repaymentCases(), l.decidedVnd(), l.recoveredVnd());
    }
}

package vn.gov.training.reporting.service;

import static vn.gov.training.reporting.service.TrainingSummaryReport.n;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.reporting.projection.ReadModel;
import vn.gov.training.reporting.projection.Sql;

/**
 * Report 7: service commitments of the people now in the units (open, fulfilled, breached, with their cost) and
 * the repayments decided and recovered.
 */
@RequestScoped
public class CommitmentsReport {

    public record Line(String unit, String unitName, long open, long fulfilled, long breached, long openCostVnd,
                       long repaymentCases, long decidedVnd, long recoveredVnd) {
    }

    public record Result(String unit, String unitName, LocalDate asOf, List<Line> rows, Line total) {
    }

    private final ReadModel readModel;
    private final ReportUnits units;
    private final Sql sql;

    CommitmentsReport(ReadModel readModel, ReportUnits units, Sql sql) {
        this.readModel = readModel;
        this.units = units;
        this.sql = sql;
    }

    @Transactional
    public Result run(String unit) {
        readModel.useActive();
        String root = units.root(unit);
        LocalDate today = LocalDate.now();
        Where where = new Where().units("p.unit_code", units.codes(root, today));
        List<Line> rows = new ArrayList<>();
        long[] t = new long[7];
        List<Object[]> found = sql.rows("""
                select p.unit_code,
                    count(*) filter (where c.status = 'ACTIVE'), count(*) filter (where c.status = 'FULFILLED'),
                    count(*) filter (where c.status = 'BREACHED'),
                    coalesce(sum(c.cost_vnd) filter (where c.status = 'ACTIVE'), 0),
                    coalesce(sum(r.cases), 0), coalesce(sum(r.decided), 0), coalesce(sum(r.recovered), 0)
                from commitment c join person p on p.personnel_id = c.personnel_id
                left join (select commitment_id, count(*) cases,
                        sum(amount_vnd) filter (where status in ('DECIDED', 'PAID')) decided,
                        sum(amount_vnd) filter (where status = 'PAID') recovered
                    from repayment group by commitment_id) r on r.commitment_id = c.commitment_id
                where %s group by p.unit_code order by p.unit_code""".formatted(where.sql()), where.params());
        java.util.Map<String, String> names = units.names(found.stream().map(r -> (String) r[0]).toList(), today);
        for (Object[] r : found) {
            long[] v = new long[7];
            for (int i = 0; i < 7; i++) {
                v[i] = n(r[i + 1]);
                t[i] += v[i];
            }
            rows.add(line((String) r[0], names.getOrDefault((String) r[0], (String) r[0]), v));
        }
        return new Result(root, units.name(root, today), today, rows, line(root, "Tổng cộng", t));
    }

    private static Line line(String unit, String name, long[] v) {
        return new Line(unit, name, v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
    }

    public ExcelTable table(Result r) {
        List<List<Object>> rows = new ArrayList<>();
        for (Line l : r.rows()) {
            rows.add(cells(l));
        }
        rows.add(cells(r.total()));
        return new ExcelTable("BÁO CÁO CAM KẾT PHỤC VỤ VÀ ĐỀN BÙ CHI PHÍ ĐÀO TẠO",
                List.of("Đơn vị: " + r.unitName(), "Tính đến ngày " + Dates.vn(r.asOf())),
                List.of(ExcelTable.text("Đơn vị"), ExcelTable.count("Cam kết đang thực hiện"),
                        ExcelTable.count("Đã hoàn thành"), ExcelTable.count("Vi phạm"),
                        ExcelTable.vnd("Chi phí đang cam kết (đồng)"), ExcelTable.count("Số vụ đền bù"),
                        ExcelTable.vnd("Số tiền quyết định đền bù (đồng)"), ExcelTable.vnd("Đã thu hồi (đồng)")),
                rows);
    }

    private static List<Object> cells(Line l) {
        return ExcelTable.row(l.unitName(), l.open(), l.fulfilled(), l.breached(), l.openCostVnd(),
                l.repaymentCases(), l.decidedVnd(), l.recoveredVnd());
    }
}

package vn.gov.training.reporting.service;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.platform.time.ProvinceTime;
import vn.gov.training.platform.web.PageResponse;
import vn.gov.training.reporting.projection.TrainingTurn;
import vn.gov.training.reporting.projection.ReadModel;
import vn.gov.training.reporting.projection.Row;
import vn.gov.training.reporting.projection.RowMapper;
import vn.gov.training.reporting.projection.Sql;

/** The enrolments or people behind a figure of a report, within the caller's scope, paged. */
@RequestScoped
public class ReportDetails {

    public record EnrolmentItem(UUID enrolmentId, UUID personnelId, String fullName, String unitCode,
                                String staffCategory, String category, String level, String deliveryMode,
                                String location, LocalDate startDate, LocalDate endDate, String status,
                                String fundingSource, long costVnd, int periods) {
    }

    public record PersonItem(UUID personnelId, String fullName, String unitCode, String staffCategory,
                             String level, Long periods) {
    }

    /** A commitment behind report 7; {@code state} is how the report counts it (OPEN, FULFILLED, BREACHED, RELEASED). */
    public record CommitmentItem(UUID commitmentId, UUID enrolmentId, UUID personnelId, String fullName,
                                 String unitCode, String staffCategory, String state, LocalDate startsOn,
                                 LocalDate endsOn, Integer months, long costVnd) {
    }

    /** A repayment case behind report 7. */
    public record RepaymentItem(UUID caseId, UUID commitmentId, UUID enrolmentId, UUID personnelId, String fullName,
                                String unitCode, String staffCategory, String status, long amountVnd,
                                String decisionNumber, LocalDate decidedOn) {
    }

    /** The states a commitment is counted in by report 7. */
    public static final List<String> COMMITMENT_STATES = List.of("OPEN", "FULFILLED", "BREACHED", "RELEASED");

    /** The repayment columns of report 7: every case, the amounts decided, the amounts recovered. */
    public static final Map<String, String> REPAYMENT_COLUMNS = Map.of(
            "CASES", "true", "DECIDED", "c.status in ('DECIDED', 'PAID')", "RECOVERED", "c.status = 'PAID'");

    /** A training-summary cell: any of category, level, status, delivery mode, location, funding source. */
    public record TurnCell(String category, String level, String status, String deliveryMode, String location,
                           String fundingSource) {
    }

    private final ReadModel readModel;
    private final ReportUnits units;
    private final Sql sql;

    ReportDetails(ReadModel readModel, ReportUnits units, Sql sql) {
        this.readModel = readModel;
        this.units = units;
        this.sql = sql;
    }

    @Transactional
    public PageResponse<EnrolmentItem> trainingTurns(String unit, LocalDate from, LocalDate to, String staffCategory,
                                                     TurnCell cell, int page, int size) {
        readModel.useActive();
        Period period = Period.of(from, to);
        Where where = turnsIn(unit, period, staffCategory).andIf(cell.category(), "e.category = ?")
                .andIf(cell.level(), "e.level = ?").andIf(cell.status(), "e.status = ?")
                .andIf(cell.deliveryMode(), "e.delivery_mode = ?").andIf(cell.location(), "e.location = ?")
                .andIf(cell.fundingSource(), "e.funding_source = ?");
        return enrolments(where, page, size);
    }

    @Transactional
    public PageResponse<EnrolmentItem> annual(String unit, int year, String staffCategory, Boolean leader,
                                              String column, int page, int size) {
        readModel.useActive();
        Where where = turnsIn(unit, Period.year(year), staffCategory).andIf(leader, "e.leader = ?");
        if (column != null) {
            where.and(AnnualReport.column(column).condition().replaceAll("\\b(category|level|location) ", "e.$1 "));
        }
        return enrolments(where, page, size);
    }

    /** Nominations assessed WARN or MISFIT, whatever became of them. */
    @Transactional
    public PageResponse<EnrolmentItem> fit(String unit, LocalDate from, LocalDate to, String staffCategory,
                                           String fit, int page, int size) {
        readModel.useActive();
        Period period = Period.of(from, to);
        Where where = new Where().and("e.start_date between ? and ?", period.from(), period.to())
                .units("e.unit_code", units.codes(units.root(unit), period.unitsAsOf()))
                .andIf(staffCategory, "e.staff_category = ?").and("e.fit in ('WARN', 'MISFIT')")
                .andIf(fit, "e.fit = ?");
        return enrolments(where, page, size);
    }

    @Transactional
    public PageResponse<PersonItem> stock(String unit, LocalDate at, String staffCategory, String kind, String level,
                                          int page, int size) {
        readModel.useActive();
        LocalDate day = at != null ? at : ProvinceTime.today();
        Where where = QualificationStockReport.filter(units.codes(units.root(unit), day), day, staffCategory)
                .andIf(kind, "kind = ?").andIf(level, "level = ?");
        String from = " from stock_interval s join person p using (personnel_id) where " + where.sql()
                .replace("unit_code", "s.unit_code").replace("category", "s.category");
        return paged("select p.personnel_id, p.full_name, s.unit_code, s.category, s.kind || ' ' || s.level, null",
                from, "p.full_name, p.personnel_id", where.params(), page, size, ReportDetails::person);
    }

    @Transactional
    public PageResponse<PersonItem> yearlyMinimum(String unit, int year, String staffCategory, Boolean met, int page,
                                                  int size) {
        readModel.useActive();
        LocalDate asOf = Period.year(year).unitsAsOf();
        Where where = YearlyMinimumReport.activeOn(units.codes(units.root(unit), asOf), asOf, staffCategory);
        if (met != null) {
            where.and(met ? "coalesce(y.periods, 0) >= r.minimum_periods" : "coalesce(y.periods, 0) < r.minimum_periods");
        }
        // only the staff categories the minimum applies to in the year, each against its own minimum
        String from = " from person_version v join person p using (personnel_id)"
                + YearlyMinimumRules.joinOfYear("v.category", year)
                + " left join person_year y on y.personnel_id = v.personnel_id and y.year = " + year
                + " where " + where.sql();
        return paged("select p.personnel_id, p.full_name, v.unit_code, v.category, null, coalesce(y.periods, 0)",
                from, "p.full_name, p.personnel_id", where.params(), page, size, ReportDetails::person);
    }

    /** Planned people (succession review) who lack a level for a planned title; kind and level optional. */
    @Transactional
    public PageResponse<PersonItem> successionGaps(String unit, String staffCategory, String kind, String level,
                                                   int page, int size) {
        readModel.useActive();
        Where where = SuccessionReviewReport.people(units.codes(units.root(unit), ProvinceTime.today()), staffCategory)
                .and(SuccessionReviewReport.PLANNED);
        Where gap = new Where().andIf(kind, "y.kind = ?").andIf(level, "y.level = ?");
        String from = " from person p cross join lateral (select string_agg(distinct y.kind || ' ' || y.level, ', ')"
                + " missing from plan_gap y where y.personnel_id = p.personnel_id and " + gap.sql() + ") g where "
                + where.sql() + " and g.missing is not null";
        return paged("select p.personnel_id, p.full_name, p.unit_code, p.category, g.missing, null", from,
                "p.full_name, p.personnel_id", gap.params(where.params()), page, size, ReportDetails::person);
    }

    /** The commitments behind report 7, of the people now in the unit's subtree; one state or all. */
    @Transactional
    public PageResponse<CommitmentItem> commitments(String unit, String staffCategory, String state, int page,
                                                    int size) {
        readModel.useActive();
        LocalDate today = ProvinceTime.today();
        Where where = new Where().units("c.unit_code", units.codes(units.root(unit), today))
                .andIf(staffCategory, "c.staff_category = ?");
        if (state != null) {
            switch (state) {
                case "OPEN" -> where.and(CommitmentsReport.OPEN, today);
                case "FULFILLED" -> where.and(CommitmentsReport.FULFILLED, today);
                default -> where.and("c.status = ?", state);
            }
        }
        String from = " from commitment c left join person p on p.personnel_id = c.personnel_id where " + where.sql();
        String counted = "case when " + CommitmentsReport.OPEN + " then 'OPEN' when " + CommitmentsReport.FULFILLED
                + " then 'FULFILLED' else c.status end";
        return paged("select c.commitment_id, c.enrolment_id, c.personnel_id, p.full_name, c.unit_code,"
                        + " c.staff_category, " + counted + ", c.starts_on, c.ends_on, c.months, c.cost_vnd", from,
                "c.ends_on, p.full_name, c.commitment_id", where.params(), page, size,
                r -> new CommitmentItem(r.uuid("commitment_id"), r.uuid("enrolment_id"), r.uuid("personnel_id"),
                        r.string("full_name"), r.string("unit_code"), r.string("staff_category"), r.string(7),
                        r.date("starts_on"), r.date("ends_on"), r.intOrNull("months"), r.longValue("cost_vnd")),
                today, today);
    }

    /** The repayment cases behind report 7, of the people now in the unit's subtree: all, decided or recovered. */
    @Transactional
    public PageResponse<RepaymentItem> repayments(String unit, String staffCategory, String column, int page,
                                                  int size) {
        readModel.useActive();
        LocalDate today = ProvinceTime.today();
        Where where = new Where().units("c.unit_code", units.codes(units.root(unit), today))
                .andIf(staffCategory, "c.staff_category = ?")
                .and(REPAYMENT_COLUMNS.get(column == null ? "CASES" : column));
        String from = " from repayment c left join person p on p.personnel_id = c.personnel_id where " + where.sql();
        return paged("select c.case_id, c.commitment_id, c.enrolment_id, c.personnel_id, p.full_name, c.unit_code,"
                        + " c.staff_category, c.status, c.amount_vnd, c.decision_number, c.decided_on", from,
                "c.decided_on nulls last, p.full_name, c.case_id", where.params(), page, size,
                r -> new RepaymentItem(r.uuid("case_id"), r.uuid("commitment_id"), r.uuid("enrolment_id"),
                        r.uuid("personnel_id"), r.string("full_name"), r.string("unit_code"),
                        r.string("staff_category"), r.string("status"), r.longValue("amount_vnd"),
                        r.string("decision_number"), r.date("decided_on")));
    }

    private Where turnsIn(String unit, Period period, String staffCategory) {
        return new Where().and("e.start_date between ? and ?", period.from(), period.to())
                .units("e.unit_code", units.codes(units.root(unit), period.unitsAsOf()))
                .andIf(staffCategory, "e.staff_category = ?")
                .and("e." + TrainingTurn.TURN);
    }

    private PageResponse<EnrolmentItem> enrolments(Where where, int page, int size) {
        String from = " from enrolment e left join person p on p.personnel_id = e.personnel_id where " + where.sql();
        return paged("""
                select e.enrolment_id, e.personnel_id, p.full_name, e.unit_code, e.staff_category, e.category, e.level,
                    e.delivery_mode, e.location, e.start_date, e.end_date, e.status, e.funding_source, e.cost_vnd,
                    e.periods""", from, "e.start_date, p.full_name, e.enrolment_id", where.params(), page, size,
                r -> new EnrolmentItem(r.uuid("enrolment_id"), r.uuid("personnel_id"), r.string("full_name"),
                        r.string("unit_code"), r.string("staff_category"), r.string("category"), r.string("level"),
                        r.string("delivery_mode"), r.string("location"), r.date("start_date"), r.date("end_date"),
                        r.string("status"), r.string("funding_source"), r.longValue("cost_vnd"),
                        r.intValue("periods")));
    }

    /**
     * One page of a list: the total counted over {@code from}, then the page's rows of {@code select + from} in
     * {@code order}, each made into an item. Parameters of the select list itself, if any, come last.
     */
    private <T> PageResponse<T> paged(String select, String from, String order, Object[] params, int page, int size,
                                      RowMapper<T> item, Object... selectParams) {
        long total = sql.longValue("select count(*)" + from, params);
        List<Object> all = new ArrayList<>(Arrays.asList(selectParams));
        all.addAll(Arrays.asList(params));
        all.add(size);
        all.add(page * size);
        List<T> items = sql.list(select + from + " order by " + order + " limit ? offset ?", item, all.toArray());
        return new PageResponse<>(items, page, size, total);
    }

    /** A row of the lists of people: id, name, unit, staff category, then a level (or null) and periods (or null). */
    private static PersonItem person(Row r) throws SQLException {
        return new PersonItem(r.uuid("personnel_id"), r.string("full_name"), r.string("unit_code"),
                r.string("category"), r.string(5), r.longOrNull(6));
    }
}

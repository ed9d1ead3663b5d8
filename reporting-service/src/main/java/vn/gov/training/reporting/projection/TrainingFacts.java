package vn.gov.training.reporting.projection;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps training_fact, its roll-ups (TrainingRollup, AnnualRollup), person_year and person_result in step with the enrolment table by deltas:
 * before an enrolment row changes its contribution is taken out, afterwards the new one is added. Contributions are
 * read from the stored row itself, so what is taken out is always exactly what was put in.
 */
@ApplicationScoped
public class TrainingFacts {

    private static final String FACT_KEY = """
            unit_code, period_month, category, level, delivery_mode, location, staff_category, leader, gender,
            ethnic_minority, status, funding_source, fit""";

    /** The enrolments person_result counts: failed (course or exam), withdrawn, graded EXCELLENT. */
    private static final String COUNTED = "status = 'FAILED' or exam_failed or status = 'WITHDRAWN' or grade = 'EXCELLENT'";

    /** Fills person_result from the enrolments (migration V7 and the benchmark). */
    public static final String FILL_PERSON_RESULT = "insert into person_result (personnel_id, failed, withdrawn,"
            + " excellent) select personnel_id, " + results("") + " from enrolment where " + COUNTED
            + " group by personnel_id";

    /** Marks the people with an EXCELLENT enrolment in person.excellent (migration V13 and the benchmark). */
    public static final String FILL_PERSON_EXCELLENT = "update person p set excellent = true from person_result r"
            + " where r.personnel_id = p.personnel_id and r.excellent > 0";

    /** The three counts of person_result over a person's enrolments, each multiplied by {@code factor}. */
    private static String results(String factor) {
        return factor + "count(*) filter (where status = 'FAILED' or exam_failed), "
                + factor + "count(*) filter (where status = 'WITHDRAWN'), "
                + factor + "count(*) filter (where grade = 'EXCELLENT')";
    }

    private final Sql sql;
    private final TrainingRollup rollup;
    private final AnnualRollup annual;

    TrainingFacts(Sql sql, TrainingRollup rollup, AnnualRollup annual) {
        this.sql = sql;
        this.rollup = rollup;
        this.annual = annual;
    }

    public void withdraw(UUID enrolmentId) {
        rollup.enter();
        withdraw(enrolmentId, true);
    }

    private void withdraw(UUID enrolmentId, boolean withRollup) {
        add(enrolmentId, -1, withRollup);
        sql.update("delete from training_fact f using enrolment e where e.enrolment_id = ? and f.turns = 0"
                + " and f.periods = 0 and f.cost_vnd = 0 and f.funding_vnd = 0"
                + " and f.unit_code = e.unit_code and f.period_month = date_trunc('month', e.start_date)::date"
                + " and f.category = e.category and f.level = e.level and f.delivery_mode = e.delivery_mode"
                + " and f.location = e.location and f.staff_category = e.staff_category and f.leader = e.leader"
                + " and f.gender = e.gender and f.ethnic_minority = e.ethnic_minority and f.status = e.status"
                + " and f.funding_source = e.funding_source and f.fit = coalesce(e.fit, '')", enrolmentId);
        sql.update("delete from person_year y using enrolment e where e.enrolment_id = ? and y.periods = 0"
                + " and y.personnel_id = e.personnel_id", enrolmentId);
        sql.update("delete from person_result r using enrolment e where e.enrolment_id = ? and r.failed = 0"
                + " and r.withdrawn = 0 and r.excellent = 0 and r.personnel_id = e.personnel_id", enrolmentId);
    }

    /** Adds an enrolment's contribution; call {@link #withdraw} first in the same transaction. */
    public void contribute(UUID enrolmentId) {
        add(enrolmentId, 1, true);
    }

    /**
     * Re-counts a person's enrolments under their new gender, ethnicity or leader flag. training_rollup has none of
     * these, so it stays as it is; annual_rollup has them all.
     */
    public void personChanged(UUID personnelId, String gender, boolean minority, boolean leader) {
        for (Object[] row : sql.rows("""
                select enrolment_id from enrolment where personnel_id = ?
                and (gender <> ? or ethnic_minority <> ? or leader <> ?)""", personnelId, gender, minority, leader)) {
            UUID enrolmentId = (UUID) row[0];
            withdraw(enrolmentId, false);
            sql.update("update enrolment set gender = ?, ethnic_minority = ?, leader = ? where enrolment_id = ?",
                    gender, minority, leader, enrolmentId);
            add(enrolmentId, 1, false);
        }
    }

    /**
     * Moves the person's turns whose unit or staff category on the class's start date is no longer where they count
     * ({@link TrainingTurn#PLACE}): after a transfer dated in the past, a merge that moved the person, or the person's
     * first event arriving after their enrolments.
     */
    public void personHistoryChanged(UUID personnelId) {
        List<Object[]> misplaced = sql.rows("select e.enrolment_id from enrolment e where e.personnel_id = ? and "
                + TrainingTurn.MISPLACED, personnelId);
        if (misplaced.isEmpty()) {
            return;
        }
        rollup.enter();
        for (Object[] row : misplaced) {
            UUID enrolmentId = (UUID) row[0];
            withdraw(enrolmentId, true);
            sql.update("update enrolment e set " + TrainingTurn.PLACE + " where e.enrolment_id = ?", enrolmentId);
            add(enrolmentId, 1, true);
        }
    }

    private void add(UUID enrolmentId, int sign, boolean withRollup) {
        if (withRollup) {
            rollup.add(enrolmentId, sign);
        }
        annual.add(enrolmentId, sign);
        sql.update("insert into training_fact (" + FACT_KEY + ", turns, periods, cost_vnd, funding_vnd)"
                + " select unit_code, date_trunc('month', start_date)::date, category, level, delivery_mode, location,"
                + " staff_category, leader, gender, ethnic_minority, status, funding_source, coalesce(fit, ''),"
                + " ?, ? * periods, ? * cost_vnd, ? * funding_vnd from enrolment"
                + " where enrolment_id = ? and start_date is not null"
                + " on conflict (" + FACT_KEY + ") do update set turns = training_fact.turns + excluded.turns,"
                + " periods = training_fact.periods + excluded.periods,"
                + " cost_vnd = training_fact.cost_vnd + excluded.cost_vnd,"
                + " funding_vnd = training_fact.funding_vnd + excluded.funding_vnd",
                sign, sign, sign, sign, enrolmentId);
        // a new row of person_year is placed where its person was at year end (StaffRollup)
        sql.update("insert into person_year (personnel_id, year, periods, unit_code, category)"
                + " select y.personnel_id, y.year, y.periods, v.unit_code, v.category from (select personnel_id,"
                + " extract(year from coalesce(completed_on, end_date))::int as year, ? * periods as periods"
                + " from enrolment where enrolment_id = ? and status = 'COMPLETED' and retraining"
                + " and coalesce(completed_on, end_date) is not null) y"
                + " left join person_version v on " + StaffRollup.AT_YEAR_END
                + " on conflict (personnel_id, year) do update set periods = person_year.periods + excluded.periods",
                sign, enrolmentId);
        // person.excellent follows person_result.excellent, in the same statement
        sql.update("with r as (insert into person_result (personnel_id, failed, withdrawn, excellent)"
                + " select personnel_id, " + results("? * ") + " from enrolment where enrolment_id = ? and ("
                + COUNTED + ") group by personnel_id on conflict (personnel_id) do update set"
                + " failed = person_result.failed + excluded.failed,"
                + " withdrawn = person_result.withdrawn + excluded.withdrawn,"
                + " excellent = person_result.excellent + excluded.excellent returning personnel_id, excellent)"
                + " update person p set excellent = r.excellent > 0 from r where p.personnel_id = r.personnel_id"
                + " and p.excellent <> (r.excellent > 0)", sign, sign, sign, enrolmentId);
    }
}

package vn.gov.training.reporting.projection;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps training_fact, its roll-ups (TrainingRollup, AnnualRollup, DistinctRollup), person_year and person_result in
 * step with the enrolment table by deltas: before enrolment rows change their contributions are taken out, afterwards
 * the new ones are added, for a whole batch of enrolments in a handful of statements ({@link #change}). Contributions
 * are read from the stored rows themselves, so what is taken out is always exactly what was put in.
 */
@ApplicationScoped
public class TrainingFacts {

    private static final String FACT_KEY = """
            unit_code, period_month, category, level, delivery_mode, location, staff_category, leader, gender,
            ethnic_minority, status, funding_source, fit""";

    /** The enrolments person_result counts: failed (course or exam), withdrawn, graded EXCELLENT. */
    private static final String COUNTED = "status = 'FAILED' or exam_failed or status = 'WITHDRAWN' or grade = 'EXCELLENT'";

    /** Fills person_result from the enrolments (for the benchmark). */
    public static final String FILL_PERSON_RESULT = "insert into person_result (personnel_id, failed, withdrawn,"
            + " excellent) select personnel_id, " + results("") + " from enrolment where " + COUNTED
            + " group by personnel_id";

    /** Marks the people with an EXCELLENT enrolment in person.excellent (for the benchmark). */
    public static final String FILL_PERSON_EXCELLENT = "update person p set excellent = true from person_result r"
            + " where r.personnel_id = p.personnel_id and r.excellent > 0";

    /** The three counts of person_result over a person's enrolments, each multiplied by {@code factor}. */
    private static String results(String factor) {
        return factor + "count(*) filter (where status = 'FAILED' or exam_failed), "
                + factor + "count(*) filter (where status = 'WITHDRAWN'), "
                + factor + "count(*) filter (where grade = 'EXCELLENT')";
    }

    private static final RowMapper<UUID> ENROLMENT_ID = r -> r.uuid("enrolment_id");

    private final Sql sql;
    private final TrainingRollup rollup;
    private final AnnualRollup annual;
    private final DistinctRollup distinct;

    TrainingFacts(Sql sql, TrainingRollup rollup, AnnualRollup annual, DistinctRollup distinct) {
        this.sql = sql;
        this.rollup = rollup;
        this.annual = annual;
        this.distinct = distinct;
    }

    /**
     * Changes enrolment rows with their contributions: takes out what {@code enrolmentIds} contribute now, runs
     * {@code rewrite} (which writes those enrolment rows, and only those), and puts in what they contribute then. A
     * handful of statements for any number of enrolments; an enrolment not stored yet contributes nothing before.
     *
     * @param withRollup false when only gender, ethnicity or leader change: training_rollup and distinct_rollup have
     *                   none of these, so they stay as they are
     */
    public void change(Collection<UUID> enrolmentIds, boolean withRollup, Runnable rewrite) {
        if (enrolmentIds.isEmpty()) {
            return;
        }
        // annual_rollup is kept per anchor whatever withRollup says: a move between anchors must not run meanwhile
        rollup.enter();
        List<DistinctRollup.Turn> before = withRollup ? distinct.turns(enrolmentIds) : List.of();
        add(enrolmentIds, -1, withRollup);
        deleteEmptyRows(Sql.uuids(enrolmentIds));
        rewrite.run();
        add(enrolmentIds, 1, withRollup);
        if (withRollup) {
            distinct.replace(before, distinct.turns(enrolmentIds));
        }
    }

    /** The rows of training_fact, person_year and person_result these enrolments fell in that now hold nothing. */
    private void deleteEmptyRows(Sql.UuidArray ids) {
        sql.update("delete from training_fact f using enrolment e where e.enrolment_id = any(?) and f.turns = 0"
                + " and f.periods = 0 and f.cost_vnd = 0 and f.funding_vnd = 0"
                + " and f.unit_code = e.unit_code and f.period_month = date_trunc('month', e.start_date)::date"
                + " and f.category = e.category and f.level = e.level and f.delivery_mode = e.delivery_mode"
                + " and f.location = e.location and f.staff_category = e.staff_category and f.leader = e.leader"
                + " and f.gender = e.gender and f.ethnic_minority = e.ethnic_minority and f.status = e.status"
                + " and f.funding_source = e.funding_source and f.fit = coalesce(e.fit, '')", ids);
        sql.update("delete from person_year y using enrolment e where e.enrolment_id = any(?) and y.periods = 0"
                + " and y.personnel_id = e.personnel_id", ids);
        sql.update("delete from person_result r using enrolment e where e.enrolment_id = any(?) and r.failed = 0"
                + " and r.withdrawn = 0 and r.excellent = 0 and r.personnel_id = e.personnel_id", ids);
    }

    /**
     * Re-counts these people's enrolments under their gender, ethnicity and leader flag as the person table now holds
     * them. training_rollup has none of these, so it stays as it is; annual_rollup has them all.
     */
    public void peopleChanged(Collection<UUID> personnelIds) {
        if (personnelIds.isEmpty()) {
            return;
        }
        Sql.UuidArray people = Sql.uuids(personnelIds);
        List<UUID> changed = sql.list("""
                select e.enrolment_id from enrolment e join person p on p.personnel_id = e.personnel_id
                where e.personnel_id = any(?) and (e.gender <> p.gender or e.ethnic_minority <> p.ethnic_minority
                    or e.leader <> p.leader)""", ENROLMENT_ID, people);
        change(changed, false, () -> sql.update("""
                update enrolment e set gender = p.gender, ethnic_minority = p.ethnic_minority, leader = p.leader
                from person p where p.personnel_id = e.personnel_id and e.enrolment_id = any(?)""",
                Sql.uuids(changed)));
    }

    /**
     * Moves these people's turns whose unit or staff category on the class's start date is no longer where they
     * count ({@link TrainingTurn#PLACE}): after a transfer dated in the past, a merge that moved the person, or the
     * person's first event arriving after their enrolments.
     */
    public void historyChanged(Collection<UUID> personnelIds) {
        if (personnelIds.isEmpty()) {
            return;
        }
        List<UUID> misplaced = sql.list("select e.enrolment_id from enrolment e where e.personnel_id = any(?) and "
                + TrainingTurn.MISPLACED, ENROLMENT_ID, Sql.uuids(personnelIds));
        change(misplaced, true, () -> sql.update("update enrolment e set " + TrainingTurn.PLACE
                + " where e.enrolment_id = any(?)", Sql.uuids(misplaced)));
    }

    private void add(Collection<UUID> enrolmentIds, int sign, boolean withRollup) {
        if (withRollup) {
            rollup.add(enrolmentIds, sign);
        }
        annual.add(enrolmentIds, sign);
        Sql.UuidArray ids = Sql.uuids(enrolmentIds);
        sql.update("insert into training_fact (" + FACT_KEY + ", turns, periods, cost_vnd, funding_vnd)"
                + " select unit_code, date_trunc('month', start_date)::date, category, level, delivery_mode, location,"
                + " staff_category, leader, gender, ethnic_minority, status, funding_source, coalesce(fit, ''),"
                + " sum(?), sum(? * periods), sum(? * cost_vnd), sum(? * funding_vnd) from enrolment"
                + " where enrolment_id = any(?) and start_date is not null group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,"
                + " 12, 13 order by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 on conflict (" + FACT_KEY + ") do update set turns = training_fact.turns + excluded.turns,"
                + " periods = training_fact.periods + excluded.periods,"
                + " cost_vnd = training_fact.cost_vnd + excluded.cost_vnd,"
                + " funding_vnd = training_fact.funding_vnd + excluded.funding_vnd",
                sign, sign, sign, sign, ids);
        // a new row of person_year is placed where its person was at year end (StaffRollup)
        sql.update("insert into person_year (personnel_id, year, periods, unit_code, category)"
                + " select y.personnel_id, y.year, y.periods, v.unit_code, v.category from (select personnel_id,"
                + " extract(year from coalesce(completed_on, end_date))::int as year, sum(? * periods) as periods"
                + " from enrolment where enrolment_id = any(?) and status = 'COMPLETED' and retraining"
                + " and coalesce(completed_on, end_date) is not null group by 1, 2) y"
                + " left join person_version v on " + StaffRollup.AT_YEAR_END + " order by 1, 2"
                + " on conflict (personnel_id, year) do update set periods = person_year.periods + excluded.periods",
                sign, ids);
        // person.excellent follows person_result.excellent, in the same statement
        sql.update("with r as (insert into person_result (personnel_id, failed, withdrawn, excellent)"
                + " select personnel_id, " + results("? * ") + " from enrolment where enrolment_id = any(?) and ("
                + COUNTED + ") group by personnel_id order by 1 on conflict (personnel_id) do update set"
                + " failed = person_result.failed + excluded.failed,"
                + " withdrawn = person_result.withdrawn + excluded.withdrawn,"
                + " excellent = person_result.excellent + excluded.excellent returning personnel_id, excellent)"
                + " update person p set excellent = r.excellent > 0 from r where p.personnel_id = r.personnel_id"
                + " and p.excellent <> (r.excellent > 0)", sign, sign, sign, ids);
    }
}

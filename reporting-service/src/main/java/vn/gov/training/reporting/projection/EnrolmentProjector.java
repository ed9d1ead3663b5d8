package vn.gov.training.reporting.projection;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.platform.event.EventEnvelope;
import vn.gov.training.platform.event.EventReader;
import vn.gov.training.platform.event.EventTypes;
import vn.gov.training.reporting.projection.ConsumedEvents.Commitment;
import vn.gov.training.reporting.projection.ConsumedEvents.Enrolment;
import vn.gov.training.reporting.projection.ConsumedEvents.Exam;
import vn.gov.training.reporting.projection.ConsumedEvents.Repayment;

/** Enrolments with their latest state (and their share of the training facts), commitments and repayments. */
@ApplicationScoped
public class EnrolmentProjector {

    private final EventReader reader;
    private final Sql sql;
    private final TrainingFacts facts;
    private final CommitmentRollup rollup;

    EnrolmentProjector(EventReader reader, Sql sql, TrainingFacts facts, CommitmentRollup rollup) {
        this.reader = reader;
        this.sql = sql;
        this.facts = facts;
        this.rollup = rollup;
    }

    void apply(EventEnvelope event) {
        switch (EventTypes.aggregate(event.type())) {
            case "enrolment" -> enrolment(reader.read(event, Enrolment.class));
            case "commitment" -> commitment(reader.read(event, Commitment.class));
            case "repayment" -> repayment(reader.read(event, Repayment.class));
            default -> { }
        }
    }

    private void enrolment(Enrolment e) {
        UUID id = PersonProjector.uuid(e.enrolmentId());
        UUID personId = PersonProjector.uuid(e.personnelId());
        lockPerson(personId);
        List<Object[]> person = sql.rows(
                "select gender, ethnic_minority, leader, category from person where personnel_id = ?", personId);
        Object[] p = person.isEmpty() ? new Object[] {"UNKNOWN", false, false, null} : person.get(0);
        boolean examFailed = Objects.requireNonNullElse(e.exams(), List.<Exam>of()).stream()
                .anyMatch(x -> Boolean.FALSE.equals(x.passed()));
        String sourceCategory = e.personCategory() != null ? e.personCategory() : text((String) p[3]);
        facts.withdraw(id);
        sql.update("""
                insert into enrolment (enrolment_id, personnel_id, class_id, category, level, delivery_mode, location,
                    start_date, end_date, unit_code, staff_category, source_unit_code, source_staff_category, gender,
                    ethnic_minority, leader, status, fit, funding_source, funding_vnd, cost_vnd, periods, retraining,
                    grade, exam_failed, completed_on, withdrawn_on)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (enrolment_id) do update set personnel_id = excluded.personnel_id,
                    class_id = excluded.class_id, category = excluded.category, level = excluded.level,
                    delivery_mode = excluded.delivery_mode, location = excluded.location,
                    start_date = excluded.start_date, end_date = excluded.end_date,
                    source_unit_code = excluded.source_unit_code,
                    source_staff_category = excluded.source_staff_category, gender = excluded.gender,
                    ethnic_minority = excluded.ethnic_minority, leader = excluded.leader, status = excluded.status,
                    fit = excluded.fit, funding_source = excluded.funding_source, funding_vnd = excluded.funding_vnd,
                    cost_vnd = excluded.cost_vnd, periods = excluded.periods, retraining = excluded.retraining,
                    grade = excluded.grade, exam_failed = excluded.exam_failed, completed_on = excluded.completed_on,
                    withdrawn_on = excluded.withdrawn_on""",
                id, personId, e.classId() == null ? null : PersonProjector.uuid(e.classId()), text(e.category()),
                text(e.level()), text(e.deliveryMode()), text(e.location()), e.startDate(), e.endDate(),
                text(e.personOrgUnitCode()), sourceCategory, text(e.personOrgUnitCode()), sourceCategory,
                p[0], p[1], p[2], TrainingTurn.reportedStatus(e), e.fit() == null ? null : e.fit().assessment(),
                text(e.fundingSource()), Objects.requireNonNullElse(e.fundingAmountVnd(), 0L),
                Objects.requireNonNullElse(e.costVnd(), 0L), Objects.requireNonNullElse(e.periodsAttended(), 0),
                TrainingTurn.retraining(e), e.grade(), examFailed, e.completedOn(), e.withdrawnOn());
        sql.update("update enrolment e set " + TrainingTurn.PLACE + " where e.enrolment_id = ?", id);
        facts.contribute(id);
        placeByEnrolment(id);
    }

    private void commitment(Commitment c) {
        lockPerson(uuidOrNull(c.personnelId()));
        UUID id = PersonProjector.uuid(c.commitmentId());
        rollup.change(CommitmentRollup.COMMITMENTS, "c.commitment_id = ?", List.of(id), """
                insert into commitment as c (commitment_id, enrolment_id, personnel_id, starts_on, ends_on, months,
                    cost_vnd, status) values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (commitment_id) do update set enrolment_id = excluded.enrolment_id,
                    personnel_id = excluded.personnel_id, starts_on = excluded.starts_on, ends_on = excluded.ends_on,
                    months = excluded.months, cost_vnd = excluded.cost_vnd, status = excluded.status""",
                id, uuidOrNull(c.enrolmentId()), uuidOrNull(c.personnelId()), c.startsOn(), c.endsOn(), c.months(),
                c.costVnd(), c.status());
        place(CommitmentRollup.COMMITMENTS, "c.commitment_id = ?", id);
    }

    private void repayment(Repayment r) {
        lockPerson(uuidOrNull(r.personnelId()));
        UUID id = PersonProjector.uuid(r.caseId());
        rollup.change(CommitmentRollup.REPAYMENTS, "c.case_id = ?", List.of(id), """
                insert into repayment as c (case_id, commitment_id, enrolment_id, personnel_id, amount_vnd, status,
                    decision_number, decided_on) values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (case_id) do update set commitment_id = excluded.commitment_id,
                    enrolment_id = excluded.enrolment_id, personnel_id = excluded.personnel_id,
                    amount_vnd = excluded.amount_vnd, status = excluded.status,
                    decision_number = excluded.decision_number, decided_on = excluded.decided_on""",
                id, uuidOrNull(r.commitmentId()), uuidOrNull(r.enrolmentId()), uuidOrNull(r.personnelId()),
                r.amountVnd(), r.status(), r.decisionNumber(), r.decidedOn());
        place(CommitmentRollup.REPAYMENTS, "c.case_id = ?", id);
    }

    /** Places the commitments or repayments that {@code rows} (alias c) selects where they count now. */
    private void place(CommitmentRollup.Counted counted, String rows, UUID param) {
        rollup.change(counted, rows, List.of(param), "update " + counted.table() + " c set " + PLACE + " where " + rows,
                param);
    }

    /**
     * Where a commitment or repayment (alias c) counts: the unit and staff category of its person now, or, while
     * the person is unknown to the read model, those of the enrolment. Recomputed whenever one of them changes, so
     * the result does not depend on the order the topics are read in.
     */
    public static final String PLACE = """
            unit_code = coalesce((select p.unit_code from person p where p.personnel_id = c.personnel_id),
                (select e.unit_code from enrolment e where e.enrolment_id = c.enrolment_id)),
            staff_category = coalesce((select p.category from person p where p.personnel_id = c.personnel_id),
                (select nullif(e.staff_category, '') from enrolment e where e.enrolment_id = c.enrolment_id))""";

    private void placeByEnrolment(UUID enrolmentId) {
        place(CommitmentRollup.COMMITMENTS, "c.enrolment_id = ?", enrolmentId);
        place(CommitmentRollup.REPAYMENTS, "c.enrolment_id = ?", enrolmentId);
    }

    /** After a person event: their commitments and repayments count where they are now. */
    void placeByPerson(UUID personnelId) {
        place(CommitmentRollup.COMMITMENTS, "c.personnel_id = ?", personnelId);
        place(CommitmentRollup.REPAYMENTS, "c.personnel_id = ?", personnelId);
    }

    /**
     * Serialises this transaction with any other that projects the same person, until commit. The personnel and
     * enrolment topics are consumed concurrently: without it, an enrolment or commitment written while the
     * person's own event is in flight reads "person unknown", and the person's transaction, not seeing the
     * uncommitted row, does not correct it. Under READ COMMITTED the statements after the lock see what the other
     * transaction committed.
     */
    void lockPerson(UUID personnelId) {
        if (personnelId != null) {
            sql.value("select pg_advisory_xact_lock(?)",
                    personnelId.getMostSignificantBits() ^ personnelId.getLeastSignificantBits());
        }
    }

    static UUID uuidOrNull(String value) {
        return value == null ? null : PersonProjector.uuid(value);
    }

    static String text(String value) {
        return value == null ? "" : value;
    }
}

package vn.gov.training.reporting.projection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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

    private static final String UPSERT = """
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
                withdrawn_on = excluded.withdrawn_on""";

    /** What an enrolment copies from its person: as unknown until the person's first event arrives. */
    private record Traits(UUID personnelId, String gender, Boolean ethnicMinority, Boolean leader, String category) {
        static final Traits UNKNOWN = new Traits(null, "UNKNOWN", false, false, null);
    }

    private final EventReader reader;
    private final Sql sql;
    private final PersonLocks locks;
    private final TrainingFacts facts;
    private final CommitmentRollup rollup;

    EnrolmentProjector(EventReader reader, Sql sql, PersonLocks locks, TrainingFacts facts, CommitmentRollup rollup) {
        this.reader = reader;
        this.sql = sql;
        this.locks = locks;
        this.facts = facts;
        this.rollup = rollup;
    }

    /**
     * Applies a batch of events of the enrolment topic. The enrolments are written together: each one's state is
     * its last event's, and their contributions change in a handful of statements (TrainingFacts.change).
     * Commitments and repayments, a few per batch, follow one by one in their order; each is placed when written,
     * so it counts where it would have counted one by one.
     */
    void applyAll(List<EventEnvelope> events) {
        Map<UUID, Enrolment> enrolments = new LinkedHashMap<>();
        List<Object> others = new ArrayList<>();
        Set<UUID> people = new HashSet<>();
        for (EventEnvelope event : events) {
            switch (EventTypes.aggregate(event.type())) {
                case "enrolment" -> {
                    Enrolment e = reader.read(event, Enrolment.class);
                    UUID id = PersonProjector.uuid(e.enrolmentId());
                    people.add(PersonProjector.uuid(e.personnelId()));
                    enrolments.remove(id); // keeps the batch's order of last events
                    enrolments.put(id, e);
                }
                case "commitment" -> {
                    Commitment c = reader.read(event, Commitment.class);
                    people.add(uuidOrNull(c.personnelId()));
                    others.add(c);
                }
                case "repayment" -> {
                    Repayment r = reader.read(event, Repayment.class);
                    people.add(uuidOrNull(r.personnelId()));
                    others.add(r);
                }
                default -> { }
            }
        }
        locks.lock(people);
        enrolments(enrolments);
        for (Object other : others) {
            if (other instanceof Commitment c) {
                commitment(c);
            } else {
                repayment((Repayment) other);
            }
        }
    }

    private void enrolments(Map<UUID, Enrolment> enrolments) {
        if (enrolments.isEmpty()) {
            return;
        }
        Map<UUID, Traits> people = sql.list("select personnel_id, gender, ethnic_minority, leader, category from person"
                + " where personnel_id = any(?)", r -> new Traits(r.uuid("personnel_id"), r.string("gender"),
                        r.bool("ethnic_minority"), r.bool("leader"), r.string("category")),
                Sql.uuids(enrolments.values().stream().map(e -> PersonProjector.uuid(e.personnelId()))
                        .collect(Collectors.toSet())))
                .stream().collect(Collectors.toMap(Traits::personnelId, p -> p));
        List<Object[]> rows = new ArrayList<>();
        enrolments.forEach((id, e) -> rows.add(row(id, e, people.getOrDefault(PersonProjector.uuid(e.personnelId()),
                Traits.UNKNOWN))));
        Sql.UuidArray ids = Sql.uuids(enrolments.keySet());
        facts.change(enrolments.keySet(), true, () -> {
            sql.batch(UPSERT, rows);
            // only the rows not already where they count: a row rewritten unchanged costs a new version and WAL
            sql.update("update enrolment e set " + TrainingTurn.PLACE + " where e.enrolment_id = any(?) and "
                    + TrainingTurn.MISPLACED, ids);
        });
        place(CommitmentRollup.COMMITMENTS, "c.enrolment_id = any(?)", ids);
        place(CommitmentRollup.REPAYMENTS, "c.enrolment_id = any(?)", ids);
    }

    /** The enrolment row an event states, with the gender, ethnicity, leader flag and category of its person. */
    private static Object[] row(UUID id, Enrolment e, Traits p) {
        boolean examFailed = Objects.requireNonNullElse(e.exams(), List.<Exam>of()).stream()
                .anyMatch(x -> Boolean.FALSE.equals(x.passed()));
        String sourceCategory = e.personCategory() != null ? e.personCategory() : text(p.category());
        return new Object[] {id, PersonProjector.uuid(e.personnelId()),
                e.classId() == null ? null : PersonProjector.uuid(e.classId()), text(e.category()),
                text(e.level()), text(e.deliveryMode()), text(e.location()), e.startDate(), e.endDate(),
                text(e.personOrgUnitCode()), sourceCategory, text(e.personOrgUnitCode()), sourceCategory,
                p.gender(), p.ethnicMinority(), p.leader(), TrainingTurn.reportedStatus(e),
                e.fit() == null ? null : e.fit().assessment(), text(e.fundingSource()),
                Objects.requireNonNullElse(e.fundingAmountVnd(), 0L), Objects.requireNonNullElse(e.costVnd(), 0L),
                Objects.requireNonNullElse(e.periodsAttended(), 0), TrainingTurn.retraining(e), e.grade(), examFailed,
                e.completedOn(), e.withdrawnOn()};
    }

    private void commitment(Commitment c) {
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
    private void place(CommitmentRollup.Counted counted, String rows, Object param) {
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

    /** After a batch of person events: these people's commitments and repayments count where they are now. */
    void placeByPerson(Collection<UUID> people) {
        if (people.isEmpty()) {
            return;
        }
        Sql.UuidArray ids = Sql.uuids(people);
        place(CommitmentRollup.COMMITMENTS, "c.personnel_id = any(?)", ids);
        place(CommitmentRollup.REPAYMENTS, "c.personnel_id = any(?)", ids);
    }

    static UUID uuidOrNull(String value) {
        return value == null ? null : PersonProjector.uuid(value);
    }

    static String text(String value) {
        return value == null ? "" : value;
    }
}

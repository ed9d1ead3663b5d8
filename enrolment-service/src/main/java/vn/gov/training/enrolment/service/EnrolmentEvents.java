package vn.gov.training.enrolment.service;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.enrolment.domain.ClassCopy;
import vn.gov.training.enrolment.domain.Commitment;
import vn.gov.training.enrolment.domain.Enrolment;
import vn.gov.training.enrolment.domain.ExamResult;
import vn.gov.training.enrolment.domain.RepaymentCase;
import vn.gov.training.enrolment.event.CommitmentEventData;
import vn.gov.training.enrolment.event.EnrolmentEventData;
import vn.gov.training.enrolment.event.RepaymentEventData;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.outbox.Outbox;
import vn.gov.training.platform.time.ProvinceTime;

/**
 * The one place enrolment-service writes to the outbox. Every change to an enrolment goes through here: audited
 * (before and after) and published with the full state on the {@code enrolment} topic, in the transaction of the
 * change; commitments and repayment cases are published on the same topic as {@code commitment.*} and
 * {@code repayment.*} (their audit stays with {@link CommitmentService}). All events of an enrolment, its commitment
 * and repayment case included, are keyed by the enrolment's id, so they keep their order.
 */
@ApplicationScoped
public class EnrolmentEvents {

    public static final String AUDIT_TYPE = "enrolment";
    /** The topic everything of enrolment-service is published on. */
    public static final String TOPIC = EnrolmentEventData.TOPIC;
    /** Aggregates (the first part of an event type, {@code <aggregate>.<event>}). */
    public static final String ENROLMENT = "enrolment";
    public static final String COMMITMENT = "commitment";
    public static final String REPAYMENT = "repayment";

    private final Outbox outbox;
    private final AuditTrail audit;

    EnrolmentEvents(Outbox outbox, AuditTrail audit) {
        this.outbox = outbox;
        this.audit = audit;
    }

    public EnrolmentEventData snapshot(Enrolment e) {
        List<EnrolmentEventData.Exam> exams = e.id == null ? List.of() : ExamResult.of(e.id).stream()
                .map(x -> new EnrolmentEventData.Exam(x.kind.name(), x.attempt, x.score, x.passed, x.takenOn))
                .toList();
        return snapshot(e, e.classId == null ? null : ClassCopy.findById(e.classId), exams, null);
    }

    /**
     * The event data of an imported historical turn (no exams recorded) of class {@code cls}, effective on its
     * outcome's date.
     */
    public static EnrolmentEventData imported(Enrolment e, ClassCopy cls, LocalDate effectiveOn) {
        return snapshot(e, cls, List.of(), effectiveOn);
    }

    private static EnrolmentEventData snapshot(Enrolment e, ClassCopy cls, List<EnrolmentEventData.Exam> exams,
                                               LocalDate effectiveOn) {
        return new EnrolmentEventData(e.id, e.personnelId, e.classId, e.programId, e.category, e.level,
                e.deliveryMode, e.location, cls == null ? null : cls.institutionCode,
                cls == null ? null : cls.institutionName, e.startDate, e.endDate, e.nominatingUnitCode, e.personOrgUnitCode,
                e.personCategory, e.status.name(),
                new EnrolmentEventData.Fit(e.fitAssessment.name(), List.copyOf(e.fitReasons)), e.justification,
                e.fundingSource, e.fundingAmountVnd, e.costVnd, exams, e.grade == null ? null : e.grade.name(),
                e.credentialNumber, e.credentialIssuedOn, e.periodsAttended,
                e.grantsKind == null ? null : new EnrolmentEventData.Level(e.grantsKind, e.grantsLevel),
                e.completedOn, e.withdrawnOn, e.reason, effectiveOn);
    }

    /** Audits the change by the current caller and publishes {@code enrolment.<event>}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(String event, EnrolmentEventData before, Enrolment after, LocalDate effectiveOn) {
        EnrolmentEventData data = snapshot(after);
        data = withEffectiveOn(data, effectiveOn);
        audit.record(AUDIT_TYPE, after.id, event, before, data);
        outbox.publish(TOPIC, ENROLMENT, after.id.toString(), event, data);
    }

    /** The same for a change made by a consumed event or the system rather than the HTTP caller. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changedAs(String actor, String event, EnrolmentEventData before, Enrolment after,
                          LocalDate effectiveOn) {
        EnrolmentEventData data = withEffectiveOn(snapshot(after), effectiveOn);
        audit.recordAs(actor, AUDIT_TYPE, after.id, event, before, data);
        outbox.publish(TOPIC, ENROLMENT, after.id.toString(), event, data);
    }

    /** An imported historical turn: its outcome event ({@code enrolment.<event>}) and that event's data. */
    public record Imported(String event, EnrolmentEventData data) {
    }

    /**
     * Audits ({@code imported}, by {@code actor}) and publishes many imported turns with one JDBC batch each
     * (the platform's {@link Outbox#publishAll} and {@link AuditTrail#recordAllAs}), in the order given.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void importedAll(String actor, List<Imported> turns) {
        outbox.publishAll(turns.stream().map(t -> new Outbox.Outgoing(TOPIC, ENROLMENT,
                t.data().enrolmentId().toString(), t.event(), t.data())).toList());
        audit.recordAllAs(actor, turns.stream().map(t -> new AuditTrail.Change(AUDIT_TYPE, t.data().enrolmentId(),
                "imported", null, t.data())).toList());
    }

    /** Publishes {@code commitment.<event>} with the commitment's state, keyed by its enrolment. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void commitment(String event, Commitment c, CommitmentEventData data) {
        outbox.publish(TOPIC, COMMITMENT, c.enrolmentId.toString(), event, data);
    }

    /** Publishes {@code repayment.<event>} with the repayment case's state, keyed by its enrolment. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void repayment(String event, RepaymentCase r, RepaymentEventData data) {
        outbox.publish(TOPIC, REPAYMENT, r.enrolmentId.toString(), event, data);
    }

    /** Audits a change that the event contract does not publish (attendance, return dates). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void auditOnly(String action, Object before, Enrolment after) {
        audit.record(AUDIT_TYPE, after.id, action, before, snapshot(after));
    }

    /** Audits a change of a record that belongs to an enrolment (e.g. one attendance entry). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void auditDetail(java.util.UUID enrolmentId, String action, Object before, Object after) {
        audit.record(AUDIT_TYPE, enrolmentId, action, before, after);
    }

    private static EnrolmentEventData withEffectiveOn(EnrolmentEventData d, LocalDate effectiveOn) {
        return new EnrolmentEventData(d.enrolmentId(), d.personnelId(), d.classId(), d.programId(), d.category(),
                d.level(), d.deliveryMode(), d.location(), d.institutionCode(), d.institutionName(), d.startDate(), d.endDate(), d.nominatingUnitCode(),
                d.personOrgUnitCode(), d.personCategory(), d.status(), d.fit(), d.justification(), d.fundingSource(),
                d.fundingAmountVnd(), d.costVnd(), d.exams(), d.grade(), d.credentialNumber(), d.credentialIssuedOn(),
                d.periodsAttended(), d.grantsLevel(), d.completedOn(), d.withdrawnOn(), d.reason(),
                effectiveOn == null ? ProvinceTime.today() : effectiveOn);
    }
}

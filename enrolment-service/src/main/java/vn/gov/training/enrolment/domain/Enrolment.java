package vn.gov.training.enrolment.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import vn.gov.training.platform.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One person in one class, from nomination to credential (or failure, withdrawal, refusal). The transitions of its
 * status are its methods: each says from which statuses it may happen (409 {@code enrolment-wrong-status} with the
 * allowed statuses otherwise) and which fields it sets. What needs other aggregates (seats, quotas, the waitlist
 * order, events, repayments) stays in {@code EnrolmentService}, which calls these.
 */
@Entity
@Table(name = "enrolment")
public class Enrolment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "personnel_id", nullable = false)
    public UUID personnelId;

    @Column(name = "class_id", nullable = false)
    public UUID classId;

    @Column(name = "program_id")
    public UUID programId;

    public String category;

    public String level;

    @Column(name = "delivery_mode")
    public String deliveryMode;

    public String location;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Column(name = "nominating_unit_code")
    public String nominatingUnitCode;

    @Column(name = "person_org_unit_code")
    public String personOrgUnitCode;

    @Column(name = "person_category")
    public String personCategory;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EnrolmentStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "fit_assessment", nullable = false)
    public FitAssessment fitAssessment;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "fit_reasons", nullable = false, columnDefinition = "jsonb")
    public List<String> fitReasons = new ArrayList<>();

    public String justification;

    @Column(name = "decision_number")
    public String decisionNumber;

    @Column(name = "decision_date")
    public LocalDate decisionDate;

    @Column(name = "funding_source")
    public String fundingSource;

    @Column(name = "funding_amount_vnd")
    public Long fundingAmountVnd;

    @Column(name = "cost_vnd")
    public Long costVnd;

    public String note;

    @Column(name = "waitlist_position")
    public Long waitlistPosition;

    @Enumerated(EnumType.STRING)
    public Grade grade;

    @Column(name = "credential_number")
    public String credentialNumber;

    @Column(name = "credential_issued_on")
    public LocalDate credentialIssuedOn;

    @Column(name = "periods_attended")
    public Integer periodsAttended;

    @Column(name = "grants_kind")
    public String grantsKind;

    @Column(name = "grants_level")
    public String grantsLevel;

    @Column(name = "completed_on")
    public LocalDate completedOn;

    @Column(name = "withdrawn_on")
    public LocalDate withdrawnOn;

    public String reason;

    @Column(name = "returned_on")
    public LocalDate returnedOn;

    @Column(name = "return_report_submitted_on")
    public LocalDate returnReportSubmittedOn;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** A new enrolment in NOMINATED; the caller fills in the person's and the class's data. */
    public static Enrolment nominated(UUID id, OffsetDateTime at) {
        Enrolment e = new Enrolment();
        e.id = id;
        e.status = EnrolmentStatus.NOMINATED;
        e.createdAt = at;
        e.updatedAt = at;
        return e;
    }

    /** NOMINATED → APPROVED (a seat is free within the class's capacity and the unit's quota). */
    public void approve(OffsetDateTime at) {
        requireStatus("NOMINATED", EnrolmentStatus.NOMINATED);
        status = EnrolmentStatus.APPROVED;
        waitlistPosition = null;
        updatedAt = at;
    }

    /** NOMINATED → WAITLISTED at {@code position} (the class or the unit's quota is full). */
    public void waitlist(long position, OffsetDateTime at) {
        requireStatus("NOMINATED", EnrolmentStatus.NOMINATED);
        status = EnrolmentStatus.WAITLISTED;
        waitlistPosition = position;
        updatedAt = at;
    }

    /** WAITLISTED → APPROVED: a seat became free. */
    public void promote(OffsetDateTime at) {
        requireStatus("WAITLISTED", EnrolmentStatus.WAITLISTED);
        status = EnrolmentStatus.APPROVED;
        waitlistPosition = null;
        updatedAt = at;
    }

    /**
     * NOMINATED, WAITLISTED or APPROVED → REJECTED with {@code reason}.
     *
     * @return whether a seat was freed (the enrolment was APPROVED)
     */
    public boolean reject(String reason, OffsetDateTime at) {
        requireStatus("NOMINATED, WAITLISTED, APPROVED", EnrolmentStatus.NOMINATED, EnrolmentStatus.WAITLISTED,
                EnrolmentStatus.APPROVED);
        boolean freedSeat = status == EnrolmentStatus.APPROVED;
        status = EnrolmentStatus.REJECTED;
        this.reason = reason;
        waitlistPosition = null;
        updatedAt = at;
        return freedSeat;
    }

    /** What a withdrawal ended: a seat (to give to the waitlist) and training already begun (to be repaid). */
    public record Withdrawal(boolean heldSeat, boolean trainingStarted) {
    }

    /**
     * Any live status → WITHDRAWN on {@code on} with {@code reason}; refused once the enrolment is closed, completed
     * or failed. The training had started when the enrolment was IN_PROGRESS, or seated on or after the class's
     * first day {@code classStart}.
     */
    public Withdrawal withdraw(String reason, LocalDate on, LocalDate classStart, OffsetDateTime at) {
        if (EnrolmentStatus.CLOSED.contains(status) || status == EnrolmentStatus.COMPLETED
                || status == EnrolmentStatus.FAILED) {
            throw wrongStatus("NOMINATED, APPROVED, WAITLISTED, IN_PROGRESS");
        }
        boolean seated = status.inTraining();
        boolean started = status == EnrolmentStatus.IN_PROGRESS
                || seated && classStart != null && !on.isBefore(classStart);
        status = EnrolmentStatus.WITHDRAWN;
        withdrawnOn = on;
        this.reason = reason;
        waitlistPosition = null;
        updatedAt = at;
        return new Withdrawal(seated, started);
    }

    /** An exam was recorded: APPROVED → IN_PROGRESS (IN_PROGRESS stays); refused unless in training. */
    public void examRecorded(OffsetDateTime at) {
        requireInTraining();
        if (status == EnrolmentStatus.APPROVED) {
            status = EnrolmentStatus.IN_PROGRESS;
        }
        updatedAt = at;
    }

    /**
     * APPROVED or IN_PROGRESS → COMPLETED with the grade and credential. {@code periodsAttended} defaults to the
     * programme's {@code programPeriods}; {@code completedOn} to the class's last day {@code classEnd} once that has
     * passed, else {@code today}.
     */
    public void complete(Grade grade, String credentialNumber, LocalDate credentialIssuedOn, Integer periodsAttended,
                         LocalDate completedOn, Integer programPeriods, LocalDate classEnd, LocalDate today,
                         OffsetDateTime at) {
        requireInTraining();
        status = EnrolmentStatus.COMPLETED;
        this.grade = grade;
        this.credentialNumber = credentialNumber == null || credentialNumber.isBlank() ? null : credentialNumber.strip();
        this.credentialIssuedOn = credentialIssuedOn;
        this.periodsAttended = periodsAttended != null ? periodsAttended : programPeriods;
        // by default the class's last day, or today for a learner who completes before the class ends
        this.completedOn = completedOn != null ? completedOn
                : classEnd != null && !classEnd.isAfter(today) ? classEnd
                : today;
        updatedAt = at;
    }

    /** APPROVED or IN_PROGRESS → FAILED on {@code on} with {@code reason}. */
    public void fail(String reason, LocalDate on, OffsetDateTime at) {
        requireInTraining();
        status = EnrolmentStatus.FAILED;
        this.reason = reason;
        completedOn = on;
        updatedAt = at;
    }

    /** Whether this failure came from the entry exam: the person never started, so no seat is held. */
    public boolean failedEntryExam() {
        return status == EnrolmentStatus.FAILED && EnrolmentStatus.ENTRY_EXAM_FAILED.equals(reason);
    }

    /** Overseas training: the return day and the return report's day, each kept when not given. */
    public void recordReturn(LocalDate returnedOn, LocalDate reportSubmittedOn, OffsetDateTime at) {
        if (returnedOn != null) {
            this.returnedOn = returnedOn;
        }
        if (reportSubmittedOn != null) {
            this.returnReportSubmittedOn = reportSubmittedOn;
        }
        updatedAt = at;
    }

    /** Refused (409 {@code enrolment-wrong-status}) unless APPROVED or IN_PROGRESS. */
    public void requireInTraining() {
        if (!status.inTraining()) {
            throw wrongStatus("APPROVED, IN_PROGRESS");
        }
    }

    private void requireStatus(String allowed, EnrolmentStatus... statuses) {
        for (EnrolmentStatus s : statuses) {
            if (status == s) {
                return;
            }
        }
        throw wrongStatus(allowed);
    }

    private ProblemException wrongStatus(String allowed) {
        return ProblemException.conflict("enrolment-wrong-status", status, allowed).with("currentStatus", status);
    }

    public static List<Enrolment> ofPerson(UUID personnelId) {
        return list("personnelId = ?1 order by startDate desc nulls last, createdAt desc", personnelId);
    }

    /** Whether the person has an enrolment in the class that is not {@link EnrolmentStatus#CLOSED closed}. */
    public static boolean liveExists(UUID personnelId, UUID classId) {
        // the closed statuses as scalar parameters, not a list: Hibernate interprets a query with a list parameter
        // afresh at every call (8 % of enrolment-service's CPU while the demo data assessed nominations)
        return !getEntityManager().createQuery("select 1 from Enrolment where personnelId = ?1 and classId = ?2"
                        + " and status <> ?3 and status <> ?4", Integer.class)
                .setParameter(1, personnelId).setParameter(2, classId)
                .setParameter(3, EnrolmentStatus.REJECTED).setParameter(4, EnrolmentStatus.WITHDRAWN)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** Which of these people have an enrolment in the class that is not closed: {@link #liveExists} for many. */
    public static Set<UUID> liveAmong(Collection<UUID> personnelIds, UUID classId) {
        return new HashSet<>(getEntityManager().createQuery("select personnelId from Enrolment where classId = ?1"
                        + " and personnelId in ?2 and status <> ?3 and status <> ?4", UUID.class)
                .setParameter(1, classId).setParameter(2, personnelIds)
                .setParameter(3, EnrolmentStatus.REJECTED).setParameter(4, EnrolmentStatus.WITHDRAWN)
                .getResultList());
    }
}

package vn.gov.training.enrolment.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One person in one class, from nomination to credential (or failure, withdrawal, refusal). */
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

    public static List<Enrolment> ofPerson(UUID personnelId) {
        return list("personnelId = ?1 order by startDate desc nulls last, createdAt desc", personnelId);
    }

    public static boolean liveExists(UUID personnelId, UUID classId) {
        return count("personnelId = ?1 and classId = ?2 and status not in ?3", personnelId, classId,
                EnrolmentStatus.CLOSED) > 0;
    }
}

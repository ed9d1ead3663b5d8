package vn.gov.training.enrolment.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A staff member's request to be sent on a class, until their unit officer nominates them or declines. */
@Entity
@Table(name = "enrolment_request")
public class EnrolmentRequest extends PanacheEntityBase {

    public static final String PENDING = "PENDING";
    public static final String ACCEPTED = "ACCEPTED";
    public static final String DECLINED = "DECLINED";

    @Id
    public UUID id;

    @Column(name = "personnel_id", nullable = false)
    public UUID personnelId;

    @Column(name = "class_id", nullable = false)
    public UUID classId;

    @Column(name = "person_org_unit_code")
    public String personOrgUnitCode;

    public String note;

    @Column(nullable = false)
    public String status;

    @Column(name = "enrolment_id")
    public UUID enrolmentId;

    @Column(name = "decline_reason")
    public String declineReason;

    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;
}

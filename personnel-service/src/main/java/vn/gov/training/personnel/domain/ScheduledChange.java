package vn.gov.training.personnel.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A change to a person that takes effect on a future date (a transfer, a departure): the person stays as they are
 * until {@code effectiveOn}, when the scheduled job applies it and publishes its event. Pending while
 * {@code appliedAt} is null.
 */
@Entity
@Table(name = "scheduled_change")
public class ScheduledChange extends PanacheEntityBase {

    public enum Kind {
        TRANSFER, LEAVE
    }

    @Id
    public UUID id;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "to_unit_code")
    public String toUnitCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "left_reason")
    public LeftReason leftReason;

    @Column(name = "effective_on", nullable = false)
    public LocalDate effectiveOn;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;

    @Column(name = "applied_at")
    public OffsetDateTime appliedAt;

    /** The person's changes still to come, soonest first. */
    public static List<ScheduledChange> pendingOf(UUID personId) {
        return list("personId = ?1 and appliedAt is null order by effectiveOn, requestedAt", personId);
    }
}

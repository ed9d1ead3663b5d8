package vn.gov.training.enrolment.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A secret subscription URL to a person's calendar (their classes), for calendar apps that poll without a token.
 * Only the SHA-256 hash of the secret is stored; the secret itself is shown once, when the subscription is created.
 */
@Entity
@Table(name = "calendar_subscription")
public class CalendarSubscription extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "secret_hash", nullable = false, unique = true)
    public String secretHash;

    @Column(name = "personnel_id", nullable = false)
    public UUID personnelId;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    public boolean active() {
        return revokedAt == null;
    }
}

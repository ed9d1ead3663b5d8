package vn.gov.training.enrolment.domain;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A person's choice for one optional notification kind; without a row the kind is on. */
@Entity
@Table(name = "notification_preference")
@IdClass(NotificationPreference.Key.class)
public class NotificationPreference extends PanacheEntityBase {

    @Id
    @Column(name = "personnel_id")
    public UUID personnelId;

    @Id
    @Enumerated(EnumType.STRING)
    public NotificationKind kind;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;

    public static boolean enabled(UUID personnelId, NotificationKind kind) {
        if (!kind.optional) {
            return true;
        }
        NotificationPreference p = findById(new Key(personnelId, kind));
        return p == null || p.enabled;
    }

    public static class Key implements Serializable {
        public UUID personnelId;
        public NotificationKind kind;

        public Key() {
        }

        public Key(UUID personnelId, NotificationKind kind) {
            this.personnelId = personnelId;
            this.kind = kind;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(personnelId, k.personnelId) && kind == k.kind;
        }

        @Override
        public int hashCode() {
            return Objects.hash(personnelId, kind);
        }
    }
}

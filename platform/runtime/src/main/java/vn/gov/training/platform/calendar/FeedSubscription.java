package vn.gov.training.platform.calendar;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * A secret subscription URL to a calendar, for calendar apps that poll without a token: the technical part shared by
 * the services (id, the SHA-256 hash of the secret, who created it and when, revocation). Only the hash is stored; the
 * secret itself is shown once, when the subscription is issued. A service's entity adds what the calendar is of (its
 * subject) and keeps its own table with the columns below.
 */
@MappedSuperclass
public abstract class FeedSubscription extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "secret_hash", nullable = false, unique = true)
    public String secretHash;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    /** The name of the subject in audit snapshots (e.g. {@code classId}). */
    protected abstract String subjectName();

    /** What the calendar is of (a class, a person). */
    public abstract UUID subject();

    public boolean active() {
        return revokedAt == null;
    }

    /** Gives this new subscription its id and a fresh secret, created by {@code creator} now; returns the secret. */
    String issue(String creator) {
        String secret = FeedSecrets.generate();
        id = UUID.randomUUID();
        secretHash = FeedSecrets.hash(secret);
        createdBy = creator;
        createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        return secret;
    }

    /** Revokes now; false (and nothing changed) when already revoked. */
    boolean revoke() {
        if (!active()) {
            return false;
        }
        revokedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return true;
    }

    /** The audited state (the secret's hash is not part of it). */
    public Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put(subjectName(), subject());
        s.put("createdBy", createdBy);
        s.put("createdAt", createdAt.toString());
        if (revokedAt != null) {
            s.put("revokedAt", revokedAt.toString());
        }
        return s;
    }
}

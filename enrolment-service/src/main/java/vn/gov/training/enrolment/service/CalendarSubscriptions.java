package vn.gov.training.enrolment.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.enrolment.domain.CalendarSubscription;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.calendar.FeedSecrets;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Caller;

/**
 * Secret calendar URLs of a person. The person themself (token {@code personnel_id}), an officer of their unit
 * (or a unit above it), admins and province managers create, list and revoke them; anyone else gets 403 for a known
 * person. The secret is 32 random bytes; only its SHA-256 hash is stored. An unknown and a revoked secret look the
 * same to the feed (404). Creation and revocation are audited (entity type {@code calendar-subscription}).
 */
@RequestScoped
public class CalendarSubscriptions {

    private static final String AUDIT_TYPE = "calendar-subscription";

    private final Caller caller;
    private final AccessPolicy access;
    private final AuditTrail audit;

    CalendarSubscriptions(Caller caller, AccessPolicy access, AuditTrail audit) {
        this.caller = caller;
        this.access = access;
        this.audit = audit;
    }

    /** A subscription just created, with its secret (never shown again). */
    public record Created(CalendarSubscription subscription, String secret) {
    }

    @Transactional
    public Created create(UUID personnelId) {
        requireManage(personnelId);
        String secret = FeedSecrets.generate();
        CalendarSubscription s = new CalendarSubscription();
        s.id = UUID.randomUUID();
        s.secretHash = FeedSecrets.hash(secret);
        s.personnelId = personnelId;
        s.createdBy = caller.name();
        s.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        s.persist();
        audit.record(AUDIT_TYPE, s.id, "created", null, snapshot(s));
        return new Created(s, secret);
    }

    public List<CalendarSubscription> list(UUID personnelId) {
        requireManage(personnelId);
        return CalendarSubscription.list("personnelId = ?1 order by createdAt", personnelId);
    }

    /** Revokes a subscription; revoking one already revoked changes nothing. */
    @Transactional
    public CalendarSubscription revoke(UUID personnelId, UUID id) {
        requireManage(personnelId);
        CalendarSubscription s = CalendarSubscription.findById(id);
        if (s == null || !s.personnelId.equals(personnelId)) {
            throw ProblemException.notFound("calendar-subscription-not-found", id);
        }
        if (s.active()) {
            Map<String, Object> before = snapshot(s);
            s.revokedAt = OffsetDateTime.now(ZoneOffset.UTC);
            audit.record(AUDIT_TYPE, s.id, "revoked", before, snapshot(s));
        }
        return s;
    }

    /** The person an active secret shows the calendar of; 404 alike for an unknown and a revoked secret. */
    public UUID personOf(String secret) {
        CalendarSubscription s = !FeedSecrets.plausible(secret) ? null
                : CalendarSubscription.<CalendarSubscription>find("secretHash", FeedSecrets.hash(secret)).firstResult();
        if (s == null || !s.active()) {
            throw ProblemException.notFound("calendar-feed-not-found");
        }
        return s.personnelId;
    }

    /**
     * The person themself, admins and province managers, or a unit officer whose subtree holds the person; other
     * roles are refused whatever the person. An unknown person is 404 for the roles that could manage one.
     */
    private void requireManage(UUID personnelId) {
        access.requirePersonalSettings(personnelId, "person-calendar-out-of-scope");
    }

    private static Map<String, Object> snapshot(CalendarSubscription s) {
        return s.revokedAt == null
                ? Map.of("personnelId", s.personnelId, "createdBy", s.createdBy, "createdAt", s.createdAt.toString())
                : Map.of("personnelId", s.personnelId, "createdBy", s.createdBy, "createdAt", s.createdAt.toString(),
                        "revokedAt", s.revokedAt.toString());
    }
}

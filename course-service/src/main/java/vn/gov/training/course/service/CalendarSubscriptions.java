package vn.gov.training.course.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.course.domain.CalendarSubscription;
import vn.gov.training.course.domain.CourseClass;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.calendar.FeedSecrets;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Caller;
import vn.gov.training.platform.security.Roles;

/**
 * Secret calendar URLs of a class. Whoever may read the class may subscribe to it (every signed-in user but
 * integration clients, which change nothing); the creator, admins and province managers list and revoke them.
 * The secret is 32 random bytes, URL-safe Base64; only its SHA-256 hash is stored. An unknown and a revoked secret
 * look the same to the feed (404). Creation and revocation are audited (entity type {@code calendar-subscription}).
 */
@ApplicationScoped
public class CalendarSubscriptions {

    private static final String AUDIT_TYPE = "calendar-subscription";

    /** A subscription just created, with its secret (never shown again). */
    public record Created(CalendarSubscription subscription, String secret) {
    }

    private final ClassService classes;
    private final Caller caller;
    private final AuditTrail audit;

    CalendarSubscriptions(ClassService classes, Caller caller, AuditTrail audit) {
        this.classes = classes;
        this.caller = caller;
        this.audit = audit;
    }

    @Transactional
    public Created create(UUID classId) {
        CourseClass c = classes.get(classId);
        String secret = FeedSecrets.generate();
        CalendarSubscription s = new CalendarSubscription();
        s.id = UUID.randomUUID();
        s.secretHash = FeedSecrets.hash(secret);
        s.classId = c.id;
        s.createdBy = caller.name();
        s.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        s.persist();
        audit.record(AUDIT_TYPE, s.id, "created", null, snapshot(s));
        return new Created(s, secret);
    }

    /** The class's subscriptions the caller may see: their own, or all for admins and province managers. */
    public List<CalendarSubscription> list(UUID classId) {
        classes.get(classId);
        if (managesAll()) {
            return CalendarSubscription.list("classId = ?1 order by createdAt", classId);
        }
        return CalendarSubscription.list("classId = ?1 and createdBy = ?2 order by createdAt", classId, caller.name());
    }

    /** Revokes a subscription; revoking one already revoked changes nothing. Another user's is 404. */
    @Transactional
    public CalendarSubscription revoke(UUID classId, UUID id) {
        CalendarSubscription s = CalendarSubscription.findById(id);
        if (s == null || !s.classId.equals(classId) || !(managesAll() || s.createdBy.equals(caller.name()))) {
            throw ProblemException.notFound("calendar-subscription-not-found", id);
        }
        if (s.active()) {
            Map<String, Object> before = snapshot(s);
            s.revokedAt = OffsetDateTime.now(ZoneOffset.UTC);
            audit.record(AUDIT_TYPE, s.id, "revoked", before, snapshot(s));
        }
        return s;
    }

    /** The class an active secret gives access to; 404 alike for an unknown and a revoked secret. */
    public CourseClass classOf(String secret) {
        CalendarSubscription s = !FeedSecrets.plausible(secret) ? null
                : CalendarSubscription.<CalendarSubscription>find("secretHash", FeedSecrets.hash(secret)).firstResult();
        if (s == null || !s.active()) {
            throw ProblemException.notFound("calendar-feed-not-found");
        }
        return classes.get(s.classId);
    }

    private boolean managesAll() {
        return caller.hasAnyRole(Roles.ADMIN, Roles.PROVINCE_MANAGER);
    }

    private static Map<String, Object> snapshot(CalendarSubscription s) {
        return s.revokedAt == null
                ? Map.of("classId", s.classId, "createdBy", s.createdBy, "createdAt", s.createdAt.toString())
                : Map.of("classId", s.classId, "createdBy", s.createdBy, "createdAt", s.createdAt.toString(),
                        "revokedAt", s.revokedAt.toString());
    }
}

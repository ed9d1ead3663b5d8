package vn.gov.training.platform.calendar;

import java.util.Map;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.EntityManager;

import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Caller;

/**
 * Issuing, revoking and resolving secret calendar URLs: the technical part of a service's subscriptions. The subclass
 * decides who may subscribe to what and calls these inside its transactions. Creation and revocation are audited
 * (entity type {@value #AUDIT_TYPE}); an unknown and a revoked secret look the same to the feed (404
 * {@code calendar-feed-not-found}); a subscription not found is 404 {@code calendar-subscription-not-found}.
 *
 * @param <S> the service's subscription entity
 */
public abstract class FeedSubscriptions<S extends FeedSubscription> {

    public static final String AUDIT_TYPE = "calendar-subscription";

    /** A subscription just created, with its secret (never shown again). */
    public record Created<S>(S subscription, String secret) {
    }

    private final Class<S> type;
    protected final Caller caller;
    private final AuditTrail audit;

    /** For client proxies of normal-scoped subclasses only. */
    protected FeedSubscriptions() {
        this(null, null, null);
    }

    protected FeedSubscriptions(Class<S> type, Caller caller, AuditTrail audit) {
        this.type = type;
        this.caller = caller;
        this.audit = audit;
    }

    /** Issues {@code fresh} (its subject set) for the caller, stores and audits it. */
    protected Created<S> issue(S fresh) {
        String secret = fresh.issue(caller.name());
        fresh.persist();
        audit.record(AUDIT_TYPE, fresh.id, "created", null, fresh.snapshot());
        return new Created<>(fresh, secret);
    }

    /** The subscription {@code id}, or 404 when there is none. */
    protected S get(UUID id) {
        S s = id == null ? null : entityManager().find(type, id);
        if (s == null) {
            throw notFound(id);
        }
        return s;
    }

    protected static ProblemException notFound(UUID id) {
        return ProblemException.notFound("calendar-subscription-not-found", id);
    }

    /** Revokes {@code s}; revoking one already revoked changes nothing. */
    protected S revoke(S s) {
        Map<String, Object> before = s.snapshot();
        if (s.revoke()) {
            audit.record(AUDIT_TYPE, s.id, "revoked", before, s.snapshot());
        }
        return s;
    }

    /** The active subscription of a secret; 404 alike for an unknown and a revoked secret. */
    protected S active(String secret) {
        S s = !FeedSecrets.plausible(secret) ? null : entityManager()
                .createQuery("select s from " + entityName() + " s where s.secretHash = :hash", type)
                .setParameter("hash", FeedSecrets.hash(secret))
                .getResultStream().findFirst().orElse(null);
        if (s == null || !s.active()) {
            throw ProblemException.notFound("calendar-feed-not-found");
        }
        return s;
    }

    private EntityManager entityManager() {
        return Panache.getEntityManager(type);
    }

    private String entityName() {
        return entityManager().getMetamodel().entity(type).getName();
    }
}

package vn.gov.training.reporting.webhook;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.problem.FieldError;
import vn.gov.training.platform.problem.Messages;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Caller;
import vn.gov.training.platform.security.Roles;
import vn.gov.training.platform.text.VietnameseText;
import vn.gov.training.platform.web.PageResponse;
import vn.gov.training.reporting.projection.Sql;
import vn.gov.training.reporting.service.ChangeFeed;

/**
 * The webhook subscriptions of the callers of the change feed: each caller sees and changes their own (admins every
 * one; anyone else's is 404). A subscription takes the scope its owner had when they made or last changed it (every
 * unit, or their unit's subtree; dates of birth only with {@code personal-data}), starts after the newest event of the
 * feed, and is audited ({@code webhook-subscription}: created, changed, secret-rotated, deleted; never the secret).
 */
@ApplicationScoped
public class WebhookSubscriptions {

    public static final String AUDIT_TYPE = "webhook-subscription";
    static final int MAX_TYPES = 20;

    /** What a caller asks for: name, target, type prefixes, and (on a change) whether it is active. */
    public record Request(String name, String targetUrl, List<String> types, Boolean active) {
    }

    /** One attempt of the delivery log. */
    public record Delivery(long id, String eventId, String eventType, long position, int attempt,
                           OffsetDateTime attemptedAt, String outcome, Integer httpStatus, String error,
                           Integer durationMs) {
    }

    private final Sql sql;
    private final ChangeFeed feed;
    private final WebhookTargets targets;
    private final Caller caller;
    private final Messages messages;
    private final AuditTrail audit;

    WebhookSubscriptions(Sql sql, ChangeFeed feed, WebhookTargets targets, Caller caller, Messages messages,
                         AuditTrail audit) {
        this.sql = sql;
        this.feed = feed;
        this.targets = targets;
        this.caller = caller;
        this.messages = messages;
        this.audit = audit;
    }

    @Transactional
    public Subscription create(Request request) {
        List<String> types = check(request);
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        sql.update("insert into public.webhook_subscription (id, owner, name, target_url, type_prefixes, secret, "
                        + "province_wide, org_unit, personal_data, status, cursor, next_attempt_at, created_at, "
                        + "updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, caller.name(), VietnameseText.normalize(request.name().strip()), request.targetUrl().strip(),
                Subscription.join(types),
                WebhookSignature.newSecret(), caller.readsProvinceWide(), caller.orgUnit().orElse(null),
                caller.hasRole(Roles.PERSONAL_DATA), Boolean.FALSE.equals(request.active()) ? "PAUSED" : "ACTIVE",
                feed.head(), now, now, now);
        Subscription created = find(id);
        audit.record(AUDIT_TYPE, id, "created", null, snapshot(created));
        return created;
    }

    public PageResponse<Subscription> list(int page, int size) {
        boolean all = caller.hasRole(Roles.ADMIN);
        String where = all ? "" : " where owner = ?";
        Object[] owner = all ? new Object[0] : new Object[] {caller.name()};
        long total = sql.longValue("select count(*) from public.webhook_subscription" + where, owner);
        List<Object> params = new ArrayList<>(List.of(owner));
        params.add(size);
        params.add((long) page * size);
        List<Subscription> items = sql.list("select " + Subscription.COLUMNS + " from public.webhook_subscription"
                + where + " order by created_at, id limit ? offset ?", Subscription::of, params.toArray());
        return new PageResponse<>(items, page, size, total);
    }

    /** The subscription, when the caller owns it or is an admin; else 404. */
    public Subscription get(UUID id) {
        Subscription s = find(id);
        if (s == null || !(s.owner().equals(caller.name()) || caller.hasRole(Roles.ADMIN))) {
            throw ProblemException.notFound("webhook-not-found", id);
        }
        return s;
    }

    /**
     * Changes name, target, types and status; the next attempt is due at once. The owner's scope is taken again when
     * the owner changes it (an admin's change keeps the owner's).
     */
    @Transactional
    public Subscription update(UUID id, Request request) {
        Subscription before = lockedVisible(id);
        List<String> types = check(request);
        boolean owner = before.owner().equals(caller.name());
        String status = request.active() == null ? before.status() : request.active() ? "ACTIVE" : "PAUSED";
        sql.update("update public.webhook_subscription set name = ?, target_url = ?, type_prefixes = ?, status = ?, "
                        + "province_wide = ?, org_unit = ?, personal_data = ?, attempts = 0, next_attempt_at = now(), "
                        + "last_error = null, updated_at = now() where id = ?",
                VietnameseText.normalize(request.name().strip()), request.targetUrl().strip(),
                Subscription.join(types), status,
                owner ? caller.readsProvinceWide() : before.provinceWide(),
                owner ? caller.orgUnit().orElse(null) : before.orgUnit(),
                owner ? caller.hasRole(Roles.PERSONAL_DATA) : before.personalData(), id);
        Subscription after = find(id);
        audit.record(AUDIT_TYPE, id, "changed", snapshot(before), snapshot(after));
        return after;
    }

    /** A new secret (shown once); the old one signs nothing from now on. */
    @Transactional
    public Subscription rotateSecret(UUID id) {
        Subscription before = lockedVisible(id);
        sql.update("update public.webhook_subscription set secret = ?, updated_at = now() where id = ?",
                WebhookSignature.newSecret(), id);
        audit.record(AUDIT_TYPE, id, "secret-rotated", null, null);
        return find(before.id());
    }

    @Transactional
    public void delete(UUID id) {
        Subscription before = lockedVisible(id);
        sql.update("delete from public.webhook_subscription where id = ?", id);
        audit.record(AUDIT_TYPE, id, "deleted", snapshot(before), null);
    }

    /** The delivery log of a subscription, newest first. */
    public PageResponse<Delivery> deliveries(UUID id, int page, int size) {
        get(id);
        long total = sql.longValue("select count(*) from public.webhook_delivery where subscription_id = ?", id);
        List<Delivery> items = sql.list("select id, event_id, event_type, position, attempt, attempted_at, outcome, "
                        + "http_status, error, duration_ms from public.webhook_delivery where subscription_id = ? "
                        + "order by id desc limit ? offset ?",
                r -> new Delivery(r.longValue("id"), r.string("event_id"), r.string("event_type"),
                        r.longValue("position"), r.intValue("attempt"), r.utcTime("attempted_at"),
                        r.string("outcome"), r.intOrNull("http_status"), r.string("error"),
                        r.intOrNull("duration_ms")),
                id, size, (long) page * size);
        return new PageResponse<>(items, page, size, total);
    }

    Subscription find(UUID id) {
        return sql.first("select " + Subscription.COLUMNS + " from public.webhook_subscription where id = ?",
                Subscription::of, id).orElse(null);
    }

    private Subscription lockedVisible(UUID id) {
        sql.execute("select id from public.webhook_subscription where id = ? for update", id);
        return get(id);
    }

    /** The request's field errors (all at once), or its type prefixes. */
    private List<String> check(Request request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.name() == null || request.name().isBlank()) {
            errors.add(messages.fieldError("name", "required"));
        } else if (request.name().strip().length() > 200) {
            errors.add(messages.fieldError("name", "text-too-long", 200));
        }
        if (request.targetUrl() == null || request.targetUrl().isBlank()) {
            errors.add(messages.fieldError("targetUrl", "required"));
        } else if (request.targetUrl().strip().length() > 2000) {
            errors.add(messages.fieldError("targetUrl", "text-too-long", 2000));
        } else {
            targets.refusal(request.targetUrl().strip())
                    .ifPresent(code -> errors.add(messages.fieldError("targetUrl", code)));
        }
        List<String> types = new ArrayList<>();
        if (request.types() != null) {
            if (request.types().size() > MAX_TYPES) {
                errors.add(messages.fieldError("types", "webhook-types-too-many", MAX_TYPES));
            }
            for (String type : request.types()) {
                String t = type == null ? "" : type.strip();
                if (!t.matches("[a-z0-9.-]{1,200}")) {
                    errors.add(messages.fieldError("types", "webhook-type-invalid"));
                    break;
                }
                types.add(t);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return types;
    }

    private static Map<String, Object> snapshot(Subscription s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("owner", s.owner());
        m.put("name", s.name());
        m.put("targetUrl", s.targetUrl());
        m.put("types", s.types());
        m.put("status", s.status());
        m.put("provinceWide", s.provinceWide());
        m.put("orgUnit", s.orgUnit());
        m.put("personalData", s.personalData());
        return m;
    }
}

package vn.gov.training.enrolment.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.enrolment.domain.CalendarSubscription;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.calendar.FeedSubscriptions;
import vn.gov.training.platform.security.Caller;

/**
 * Secret calendar URLs of a person. The person themself (token {@code personnel_id}), an officer of their unit
 * (or a unit above it), admins and province managers create, list and revoke them; anyone else gets 403 for a known
 * person. Secrets, revocation and audit: {@link FeedSubscriptions}.
 */
@RequestScoped
public class CalendarSubscriptions extends FeedSubscriptions<CalendarSubscription> {

    private final AccessPolicy access;

    CalendarSubscriptions(Caller caller, AccessPolicy access, AuditTrail audit) {
        super(CalendarSubscription.class, caller, audit);
        this.access = access;
    }

    @Transactional
    public Created<CalendarSubscription> create(UUID personnelId) {
        requireManage(personnelId);
        CalendarSubscription s = new CalendarSubscription();
        s.personnelId = personnelId;
        return issue(s);
    }

    public List<CalendarSubscription> list(UUID personnelId) {
        requireManage(personnelId);
        return CalendarSubscription.list("personnelId = ?1 order by createdAt", personnelId);
    }

    /** Revokes a subscription; revoking one already revoked changes nothing. */
    @Transactional
    public CalendarSubscription revoke(UUID personnelId, UUID id) {
        requireManage(personnelId);
        CalendarSubscription s = get(id);
        if (!s.personnelId.equals(personnelId)) {
            throw notFound(id);
        }
        return revoke(s);
    }

    /** The person an active secret shows the calendar of; 404 alike for an unknown and a revoked secret. */
    public UUID personOf(String secret) {
        return active(secret).personnelId;
    }

    /**
     * The person themself, admins and province managers, or a unit officer whose subtree holds the person; other
     * roles are refused whatever the person. An unknown person is 404 for the roles that could manage one.
     */
    private void requireManage(UUID personnelId) {
        access.requirePersonalSettings(personnelId, "person-calendar-out-of-scope");
    }
}

package vn.gov.training.course.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.course.domain.CalendarSubscription;
import vn.gov.training.course.domain.CourseClass;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.calendar.FeedSubscriptions;
import vn.gov.training.platform.security.Caller;
import vn.gov.training.platform.security.Roles;

/**
 * Secret calendar URLs of a class. Whoever may read the class may subscribe to it (every signed-in user but
 * integration clients, which change nothing); the creator, admins and province managers list and revoke them.
 * Secrets, revocation and audit: {@link FeedSubscriptions}.
 */
@ApplicationScoped
public class CalendarSubscriptions extends FeedSubscriptions<CalendarSubscription> {

    private final ClassService classes;

    CalendarSubscriptions(ClassService classes, Caller caller, AuditTrail audit) {
        super(CalendarSubscription.class, caller, audit);
        this.classes = classes;
    }

    @Transactional
    public Created<CalendarSubscription> create(UUID classId) {
        CalendarSubscription s = new CalendarSubscription();
        s.classId = classes.get(classId).id;
        return issue(s);
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
        CalendarSubscription s = get(id);
        if (!s.classId.equals(classId) || !(managesAll() || s.createdBy.equals(caller.name()))) {
            throw notFound(id);
        }
        return revoke(s);
    }

    /** The class an active secret gives access to; 404 alike for an unknown and a revoked secret. */
    public CourseClass classOf(String secret) {
        return classes.get(active(secret).classId);
    }

    private boolean managesAll() {
        return caller.hasAnyRole(Roles.ADMIN, Roles.PROVINCE_MANAGER);
    }
}

package vn.gov.training.enrolment.service;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.enrolment.domain.ClassCopy;
import vn.gov.training.enrolment.domain.ClassUnitQuota;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Roles;

/** Per-unit quotas of a class: at most so many approved learners nominated by one unit. */
@ApplicationScoped
public class QuotaService {

    private final AccessPolicy access;
    private final AuditTrail audit;
    private final PlausibleRecords plausible;

    QuotaService(AccessPolicy access, AuditTrail audit, PlausibleRecords plausible) {
        this.access = access;
        this.audit = audit;
        this.plausible = plausible;
    }

    /**
     * The class's per-unit quotas: province-wide readers see all of them, institution staff those of their own
     * institution's classes (403 for another institution's), unit officers and leaders the quotas of the units in
     * their subtree.
     */
    public List<ClassUnitQuota> visible(UUID classId) {
        ClassCopy cls = ClassEnrolments.requireClass(classId);
        List<ClassUnitQuota> quotas = ClassUnitQuota.list("classId", classId);
        Optional<Set<String>> visibleUnits = access.scope().visibleUnits();
        if (visibleUnits.isEmpty() || access.isOwnInstitution(cls)) {
            return quotas;
        }
        if (access.hasRole(Roles.UNIT_OFFICER) || access.hasRole(Roles.LEADER)) {
            return quotas.stream().filter(q -> visibleUnits.get().contains(q.orgUnitCode)).toList();
        }
        throw ProblemException.forbidden("not-class-institution", cls.code);
    }

    /**
     * Sets the quota of {@code unitCode} in the class. A quota names an existing unit and stays within the class's
     * capacity (field errors, nothing written); the unit is then checked like any record's: it must be a known
     * unit (400) and one the caller may write for (403), before anything is written.
     */
    @Transactional
    public ClassUnitQuota set(UUID classId, String unitCode, int seats) {
        plausible.of(ClassEnrolments.requireClass(classId)).quota("unitCode", unitCode, "seats", seats).check();
        access.requireKnownUnit("unitCode", unitCode);
        access.scope().requireWritable(unitCode);
        ClassUnitQuota quota = ClassUnitQuota.findById(new ClassUnitQuota.Key(classId, unitCode));
        Integer before = quota == null ? null : quota.seats;
        if (quota == null) {
            quota = new ClassUnitQuota();
            quota.classId = classId;
            quota.orgUnitCode = unitCode;
        }
        quota.seats = seats;
        quota.persist();
        audit.record("class-unit-quota", classId + "/" + unitCode, "set", before, quota.seats);
        return quota;
    }
}

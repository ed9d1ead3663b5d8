package vn.gov.training.enrolment.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.enrolment.domain.ClassCopy;
import vn.gov.training.enrolment.domain.ClassUnitQuota;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.problem.ProblemException;

/** Per-unit quotas of a class: at most so many approved learners nominated by one unit. */
@ApplicationScoped
public class QuotaService {

    private final AccessPolicy access;
    private final AuditTrail audit;

    QuotaService(AccessPolicy access, AuditTrail audit) {
        this.access = access;
        this.audit = audit;
    }

    /**
     * Sets the quota of {@code unitCode} in the class. The unit is checked like any record's: it must be a known
     * unit (400) and one the caller may write for (403), before anything is written.
     */
    @Transactional
    public ClassUnitQuota set(UUID classId, String unitCode, int seats) {
        if (ClassCopy.findById(classId) == null) {
            throw ProblemException.notFound("class-unknown", classId);
        }
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

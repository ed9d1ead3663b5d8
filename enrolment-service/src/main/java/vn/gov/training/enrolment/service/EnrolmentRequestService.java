package vn.gov.training.enrolment.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.enrolment.domain.ClassCopy;
import vn.gov.training.enrolment.domain.Enrolment;
import vn.gov.training.enrolment.domain.EnrolmentRequest;
import vn.gov.training.enrolment.domain.PersonCopy;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.persistence.Filters;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Roles;
import vn.gov.training.platform.time.ProvinceTime;

/** Staff ask to be sent on a class; their unit officer nominates them (the full nomination rules apply) or declines. */
@ApplicationScoped
public class EnrolmentRequestService {

    private final AccessPolicy access;
    private final EnrolmentService enrolments;
    private final AuditTrail audit;
    private final EligibilityRules rules;

    EnrolmentRequestService(AccessPolicy access, EnrolmentService enrolments, AuditTrail audit,
                            EligibilityRules rules) {
        this.access = access;
        this.enrolments = enrolments;
        this.audit = audit;
        this.rules = rules;
    }

    public record Snapshot(UUID id, UUID personnelId, UUID classId, String status, UUID enrolmentId,
                           String declineReason, String note) {
    }

    /** Own requests for staff; the requests of their subtree for unit officers and leaders; all for the province. */
    public Paged<EnrolmentRequest> list(String status, int page, int size) {
        Filters where = Filters.allOf().when("status = :status", "status", status);
        if (!access.readsProvinceWide()) {
            Set<String> units = access.hasRole(Roles.UNIT_OFFICER) || access.hasRole(Roles.LEADER)
                    ? access.scope().visibleUnits().orElse(Set.of()) : Set.of();
            where.add("(personOrgUnitCode in :units or personnelId = :self)")
                    .with("units", units.isEmpty() ? Set.of("-") : units)
                    .with("self", access.ownPersonnelId().orElse(new UUID(0, 0)));
        }
        return Paged.of(EnrolmentRequest.<EnrolmentRequest>find(where.query() + " order by requestedAt desc",
                where.parameters()), page, size);
    }

    @Transactional
    public EnrolmentRequest request(UUID classId, String note) {
        ClassCopy cls = EnrolmentService.classCopy(classId);
        // a request for a class that takes none is refused now, not when the officer acts on it
        rules.checkOpen(cls, ProvinceTime.today());
        UUID self = access.ownPersonnelId()
                .orElseThrow(() -> ProblemException.forbidden("no-personnel-id"));
        PersonCopy person = EnrolmentService.person(self);
        if (EnrolmentRequest.find("personnelId = ?1 and classId = ?2 and status = ?3", self, classId,
                EnrolmentRequest.PENDING).firstResult() != null || Enrolment.liveExists(self, classId)) {
            throw Refusal.of("already-enrolled", cls.code);
        }
        EnrolmentRequest r = new EnrolmentRequest();
        r.id = UUID.randomUUID();
        r.personnelId = self;
        r.classId = classId;
        r.personOrgUnitCode = person.orgUnitCode;
        r.note = note;
        r.status = EnrolmentRequest.PENDING;
        r.requestedAt = OffsetDateTime.now(ZoneOffset.UTC);
        r.persist();
        audit.record("enrolment-request", r.id, "requested", null, snapshot(r));
        return r;
    }

    /** Turns the request into a nomination by the unit officer, with their decision details. */
    @Transactional
    public EnrolmentRequest accept(UUID id, Nomination details) {
        EnrolmentRequest r = pending(id);
        Snapshot before = snapshot(r);
        Enrolment e = enrolments.nominate(new Nomination(r.personnelId, r.classId, details.nominatingUnitCode(),
                details.decisionNumber(), details.decisionDate(), details.fundingSource(), details.fundingAmountVnd(),
                details.justification(), details.note() != null ? details.note() : r.note, false));
        r.status = EnrolmentRequest.ACCEPTED;
        r.enrolmentId = e.id;
        decided(r);
        audit.record("enrolment-request", r.id, "accepted", before, snapshot(r));
        return r;
    }

    @Transactional
    public EnrolmentRequest decline(UUID id, String reason) {
        EnrolmentRequest r = pending(id);
        access.scope().requireWritable(r.personOrgUnitCode);
        Snapshot before = snapshot(r);
        r.status = EnrolmentRequest.DECLINED;
        r.declineReason = reason;
        decided(r);
        audit.record("enrolment-request", r.id, "declined", before, snapshot(r));
        return r;
    }

    private EnrolmentRequest pending(UUID id) {
        EnrolmentRequest r = EnrolmentRequest.findById(id);
        if (r == null || !access.scope().canRead(r.personOrgUnitCode)) {
            throw ProblemException.notFound("enrolment-request-not-found", id);
        }
        if (!EnrolmentRequest.PENDING.equals(r.status)) {
            throw ProblemException.conflict("enrolment-request-decided", r.status);
        }
        return r;
    }

    private void decided(EnrolmentRequest r) {
        r.decidedAt = OffsetDateTime.now(ZoneOffset.UTC);
        r.decidedBy = access.callerName();
    }

    public static Snapshot snapshot(EnrolmentRequest r) {
        return new Snapshot(r.id, r.personnelId, r.classId, r.status, r.enrolmentId, r.declineReason, r.note);
    }
}

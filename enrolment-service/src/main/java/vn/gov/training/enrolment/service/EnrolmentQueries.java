package vn.gov.training.enrolment.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.enrolment.domain.ClassCopy;
import vn.gov.training.enrolment.domain.Enrolment;
import vn.gov.training.enrolment.domain.EnrolmentStatus;
import vn.gov.training.enrolment.domain.ExamResult;
import vn.gov.training.enrolment.domain.FitAssessment;
import vn.gov.training.enrolment.domain.PersonCopy;
import vn.gov.training.platform.persistence.Filters;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Roles;
import vn.gov.training.platform.security.UnitHierarchy;

/** Reading enrolments within the caller's sight: search, one enrolment, overdue return reports, and their details. */
@ApplicationScoped
public class EnrolmentQueries {

    private final AccessPolicy access;
    private final UnitHierarchy hierarchy;

    EnrolmentQueries(AccessPolicy access, UnitHierarchy hierarchy) {
        this.access = access;
        this.hierarchy = hierarchy;
    }

    /** Enrolments the caller may see, filtered; newest first. */
    public Paged<Enrolment> search(UUID classId, UUID personnelId, EnrolmentStatus status, FitAssessment fit,
                                   String unit, int page, int size) {
        Filters where = Filters.allOf()
                .when("classId = :classId", "classId", classId)
                .when("personnelId = :personnelId", "personnelId", personnelId)
                .when("status = :status", "status", status)
                .when("fitAssessment = :fit", "fit", fit)
                .when("personOrgUnitCode in :unitTree", "unitTree",
                        unit == null || unit.isBlank() ? null : hierarchy.subtree(unit));
        if (!access.readsProvinceWide()) {
            where.add(scope());
        }
        return Paged.of(Enrolment.<Enrolment>find(where.query() + " order by createdAt desc, id", where.parameters()),
                page, size);
    }

    private Filters scope() {
        Filters any = Filters.anyOf();
        if (access.hasRole(Roles.UNIT_OFFICER) || access.hasRole(Roles.LEADER)) {
            Set<String> units = access.scope().visibleUnits().orElse(Set.of());
            any.add("personOrgUnitCode in :scopeUnits", "scopeUnits", units.isEmpty() ? Set.of("-") : units);
        }
        return any
                .when("classId in (select c.classId from ClassCopy c where c.institutionCode = :institution)",
                        "institution", access.ownInstitution())
                .when("personnelId = :self", "self", access.ownPersonnelId());
    }

    /** The enrolment when the caller may see it; 404 {@code enrolment-not-found} otherwise (as if it did not exist). */
    public Enrolment visible(UUID id) {
        Enrolment e = Enrolment.findById(id);
        if (e == null || !access.canSee(e, ClassCopy.findById(e.classId))) {
            throw ProblemException.notFound("enrolment-not-found", id);
        }
        return e;
    }

    /**
     * Overseas trainees back for more than {@code days} days on {@code day} without a return report, among those
     * the caller may see.
     */
    public List<Enrolment> overdueReturnReports(LocalDate day, int days) {
        LocalDate dueBefore = day.minusDays(days);
        List<Enrolment> overdue = Enrolment.list("""
                location = 'OVERSEAS' and returnReportSubmittedOn is null and status in ?1
                and coalesce(returnedOn, endDate) < ?2 order by coalesce(returnedOn, endDate)""",
                List.of(EnrolmentStatus.APPROVED, EnrolmentStatus.IN_PROGRESS, EnrolmentStatus.COMPLETED), dueBefore);
        return overdue.stream().filter(e -> access.canSee(e, null)).toList();
    }

    /** What an enrolment's view shows besides the enrolment: names from the local copies, and the exams. */
    public record Details(String personName, String classCode, String programName, List<ExamResult> exams) {
    }

    public Details details(Enrolment e) {
        PersonCopy person = PersonCopy.findById(e.personnelId);
        ClassCopy cls = ClassCopy.findById(e.classId);
        return new Details(person == null ? null : person.fullName, cls == null ? null : cls.code,
                cls == null || cls.program == null ? null : cls.program.name(), ExamResult.of(e.id));
    }
}

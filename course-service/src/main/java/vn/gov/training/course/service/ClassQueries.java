package vn.gov.training.course.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.course.domain.ClassStatus;
import vn.gov.training.course.domain.CourseClass;
import vn.gov.training.course.domain.ProgramCategory;
import vn.gov.training.platform.persistence.Filters;
import vn.gov.training.platform.security.UnitHierarchy;
import vn.gov.training.platform.time.ProvinceTime;
import vn.gov.training.platform.web.PageResponse;

/** Lists classes by programme, category, institution, organising unit (with its sub-units), period and status. */
@ApplicationScoped
public class ClassQueries {

    public record Filter(UUID program, String code, ProgramCategory category, String institution, String unit,
                         LocalDate from, LocalDate to, ClassStatus status, Boolean openForRegistration) {
    }

    private final UnitHierarchy hierarchy;

    ClassQueries(UnitHierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    public PageResponse<CourseClass> search(Filter f, int page, int size) {
        Filters where = Filters.allOf()
                .when("programId = :program", "program", f.program())
                .when("code = :code", "code", f.code())
                .when("category = :category", "category", f.category())
                .when("institutionCode = :institution", "institution", f.institution())
                .when("organisingUnitCode in :units", "units", f.unit() == null ? null : hierarchy.subtree(f.unit()))
                // a class belongs to a period when the two overlap
                .when("endDate >= :from", "from", f.from())
                .when("startDate <= :to", "to", f.to())
                .when("status = :status", "status", f.status());
        if (f.openForRegistration() != null) {
            String open = "(status = :open and registrationOpensOn <= :today and registrationClosesOn >= :today)";
            where.add(f.openForRegistration() ? open : "not " + open)
                    .with("open", ClassStatus.OPEN).with("today", ProvinceTime.today());
        }
        PanacheQuery<CourseClass> found = CourseClass.find(where.query(),
                Sort.descending("startDate").and("code"), where.parameters());
        List<CourseClass> items = found.page(page, size).list();
        return new PageResponse<>(items, page, size, found.count());
    }
}

package vn.gov.training.course.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.course.domain.ClassStatus;
import vn.gov.training.course.domain.CourseClass;
import vn.gov.training.course.domain.ProgramCategory;
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
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        add(conditions, parameters, "programId = :program", "program", f.program());
        add(conditions, parameters, "code = :code", "code", f.code());
        add(conditions, parameters, "category = :category", "category", f.category());
        add(conditions, parameters, "institutionCode = :institution", "institution", f.institution());
        add(conditions, parameters, "organisingUnitCode in :units", "units",
                f.unit() == null ? null : hierarchy.subtree(f.unit()));
        // a class belongs to a period when the two overlap
        add(conditions, parameters, "endDate >= :from", "from", f.from());
        add(conditions, parameters, "startDate <= :to", "to", f.to());
        add(conditions, parameters, "status = :status", "status", f.status());
        if (f.openForRegistration() != null) {
            String open = "(status = :open and registrationOpensOn <= :today and registrationClosesOn >= :today)";
            conditions.add(f.openForRegistration() ? open : "not " + open);
            parameters.put("open", ClassStatus.OPEN);
            parameters.put("today", ProvinceTime.today());
        }
        String query = conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
        PanacheQuery<CourseClass> found = CourseClass.find(query,
                Sort.descending("startDate").and("code"), parameters);
        List<CourseClass> items = found.page(page, size).list();
        return new PageResponse<>(items, page, size, found.count());
    }

    private static void add(List<String> conditions, Map<String, Object> parameters, String condition, String name,
                            Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(name, value);
        }
    }
}

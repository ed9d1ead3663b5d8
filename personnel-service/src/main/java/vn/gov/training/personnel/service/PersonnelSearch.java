package vn.gov.training.personnel.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import vn.gov.training.personnel.domain.Person;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.text.VietnameseText;
import vn.gov.training.platform.time.ProvinceTime;
import vn.gov.training.platform.web.PageResponse;

/**
 * Staff search. Names match on {@code search_name} (folded: no case, no diacritics, đ = d) through its trigram GIN
 * index, a 12-digit query matches the national ID exactly (unique index); default order is the Vietnamese one
 * (given name, then family and middle names) from the stored {@code sort_key}.
 */
@ApplicationScoped
public class PersonnelSearch {

    private static final Map<String, String> SORTS = Map.of(
            "name", "p.sort_key asc, p.id asc",
            "-name", "p.sort_key desc, p.id desc",
            "dateOfBirth", "p.date_of_birth asc, p.sort_key asc, p.id asc",
            "-dateOfBirth", "p.date_of_birth desc, p.sort_key asc, p.id asc",
            "startedServiceOn", "p.started_service_on asc nulls last, p.sort_key asc, p.id asc",
            "-startedServiceOn", "p.started_service_on desc nulls last, p.sort_key asc, p.id asc",
            "orgUnitCode", "p.org_unit_code asc, p.sort_key asc, p.id asc",
            "updatedAt", "p.updated_at desc, p.id asc");

    public record Criteria(String q, String unit, boolean includeSubunits, String category, String rankCode,
                           String titleCode, String level, String status, int page, int size, String sort) {
    }

    private final EntityManager em;
    private final OrgUnitService units;

    PersonnelSearch(EntityManager em, OrgUnitService units) {
        this.em = em;
        this.units = units;
    }

    @SuppressWarnings("unchecked")
    public PageResponse<Person> search(Criteria c, PersonAccess.Visibility visibility) {
        String order = SORTS.get(c.sort() == null || c.sort().isBlank() ? "name" : c.sort());
        if (order == null) {
            throw ProblemException.invalid("invalid-sort", c.sort(), String.join(", ", SORTS.keySet()));
        }
        StringBuilder where = new StringBuilder(" from person p where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (c.q() != null && !c.q().isBlank()) {
            String q = c.q().strip();
            if (q.matches("\\d{12}")) {
                where.append(" and p.national_id = :nid");
                params.put("nid", q);
            } else {
                where.append(" and p.search_name like :q escape '\\'");
                params.put("q", "%" + escapeLike(VietnameseText.fold(q)) + "%");
            }
        }
        if (c.unit() != null && !c.unit().isBlank()) {
            Set<String> wanted = c.includeSubunits() ? units.subtreeOn(c.unit(), ProvinceTime.today())
                    : Set.of(c.unit());
            where.append(" and p.org_unit_code in (:units)");
            params.put("units", wanted);
        }
        if (!visibility.all()) {
            if (visibility.units().isEmpty()) {
                where.append(" and p.id = :self");
                params.put("self", visibility.self() == null ? new java.util.UUID(0, 0) : visibility.self());
            } else {
                where.append(" and (p.org_unit_code in (:visible) or p.id = :self)");
                params.put("visible", new HashSet<>(visibility.units()));
                params.put("self", visibility.self() == null ? new java.util.UUID(0, 0) : visibility.self());
            }
        }
        filter(where, params, "p.category", "category", c.category());
        filter(where, params, "p.rank_code", "rankCode", c.rankCode());
        filter(where, params, "p.title_code", "titleCode", c.titleCode());
        filter(where, params, "p.status", "status", c.status());
        if (c.level() != null && !c.level().isBlank()) {
            String[] parts = c.level().split(":", 2);
            where.append(" and exists (select 1 from qualification q where q.person_id = p.id and q.level = :level");
            if (parts.length == 2) {
                where.append(" and q.kind = :kind");
                params.put("kind", parts[0]);
                params.put("level", parts[1]);
            } else {
                params.put("level", parts[0]);
            }
            where.append(")");
        }
        Query count = em.createNativeQuery("select count(*)" + where);
        Query rows = em.createNativeQuery("select p.*" + where + " order by " + order, Person.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            rows.setParameter(k, v);
        });
        long total = ((Number) count.getSingleResult()).longValue();
        List<Person> items = total == 0 ? new ArrayList<>()
                : rows.setFirstResult(c.page() * c.size()).setMaxResults(c.size()).getResultList();
        return new PageResponse<>(items, c.page(), c.size(), total);
    }

    private static void filter(StringBuilder where, Map<String, Object> params, String column, String name,
                               String value) {
        if (value != null && !value.isBlank()) {
            where.append(" and ").append(column).append(" = :").append(name);
            params.put(name, value.strip());
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

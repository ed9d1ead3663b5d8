package vn.gov.training.reporting.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;

import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Caller;
import vn.gov.training.platform.security.UnitScope;
import vn.gov.training.reporting.projection.Sql;

/**
 * The units a report counts: the unit asked for (by default the caller's own, or the whole province for
 * province-wide roles) with its sub-units as they were on a date, from the effective-dated unit history, and with
 * their predecessors (the units merged into them, and theirs, each with its sub-units as they were before the merge),
 * cut down to the caller's scope. A request with {@code predecessors=false} takes the units as they were then: only
 * the subtree on the date.
 */
@RequestScoped
public class ReportUnits {

    /** Query parameter of every report: {@code false} leaves out the units merged into the ones reported on. */
    public static final String PREDECESSORS = "predecessors";

    private final UnitScope scope;
    private final Caller caller;
    private final Sql sql;
    private final CurrentVertxRequest request;

    ReportUnits(UnitScope scope, Caller caller, Sql sql, CurrentVertxRequest request) {
        this.scope = scope;
        this.caller = caller;
        this.sql = sql;
        this.request = request;
    }

    /** The unit the report is about, checked against the caller's scope; null means the whole province. */
    public String root(String unit) {
        if (unit == null || unit.isBlank()) {
            if (scope.readsProvinceWide()) {
                return null;
            }
            return caller.orgUnit().orElseThrow(() -> ProblemException.forbidden("unit-out-of-scope", "-"));
        }
        scope.requireVisible(unit, "report-unit-not-found", unit);
        return unit;
    }

    /** Unit codes to filter by on a date (null: no filter); call inside a read-model transaction. */
    public List<String> codes(String root, LocalDate asOf) {
        if (root == null) {
            return null;
        }
        List<String> codes = withPredecessors() ? withPredecessors(subtree(root, asOf)) : subtree(root, asOf);
        Optional<Set<String>> visible = scope.visibleUnits();
        return visible.map(v -> codes.stream().filter(v::contains).toList()).orElse(codes);
    }

    /**
     * The units and every unit merged into one of them (recursively), each predecessor with its sub-units as they
     * were on the day before it was merged.
     */
    private List<String> withPredecessors(List<String> codes) {
        Set<String> all = new LinkedHashSet<>(codes);
        List<String> successors = codes;
        while (!successors.isEmpty()) {
            List<String> found = new ArrayList<>();
            for (Merged merged : sql.list("""
                    select code, min(effective_from) from unit_version where merged_into = any(?) group by code""",
                    r -> new Merged(r.string("code"), r.date(2)), Sql.texts(successors))) {
                if (!all.contains(merged.code())) {
                    for (String code : subtree(merged.code(), merged.mergedOn().minusDays(1))) {
                        if (all.add(code)) {
                            found.add(code);
                        }
                    }
                }
            }
            successors = found;
        }
        return List.copyOf(all);
    }

    /** A unit merged into another, and the day of the merge. */
    private record Merged(String code, LocalDate mergedOn) {
    }

    /** A unit's name (null when its version has none). */
    private record Named(String code, String name) {
    }

    private boolean withPredecessors() {
        RoutingContext current = request.getCurrent();
        return current == null || !"false".equalsIgnoreCase(current.request().getParam(PREDECESSORS));
    }

    public List<String> subtree(String root, LocalDate asOf) {
        return sql.list("""
                with recursive down(code, depth) as (
                    select cast(? as varchar), 0
                    union
                    select v.code, down.depth + 1 from down
                    join unit_version v on v.parent_code = down.code and v.effective_from <= ?
                    where down.depth < 64 and not exists (select 1 from unit_version n where n.code = v.code
                        and n.effective_from > v.effective_from and n.effective_from <= ?))
                select distinct code from down""", r -> r.string("code"), root, asOf, asOf);
    }

    /** The names of units as of a date, in one query. */
    public java.util.Map<String, String> names(java.util.Collection<String> codes, LocalDate asOf) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        for (Named unit : sql.list("""
                select distinct on (code) code, name from unit_version where code = any(?) and effective_from <= ?
                order by code, effective_from desc""", r -> new Named(r.string("code"), r.string("name")),
                Sql.texts(codes), asOf)) {
            names.put(unit.code(), unit.name());
        }
        return names;
    }

    /** The unit names as of a date, for headings. */
    public String name(String code, LocalDate asOf) {
        if (code == null) {
            return "Toàn tỉnh";
        }
        String name = sql.string("""
                select name from unit_version where code = ? and effective_from <= ?
                order by effective_from desc limit 1""", code, asOf);
        return name == null ? code : name;
    }
}

package vn.gov.training.reporting.service;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.platform.security.UnitHierarchy;
import vn.gov.training.reporting.projection.OutdatedReadModelException;
import vn.gov.training.reporting.projection.ReadModel;
import vn.gov.training.reporting.projection.Sql;

/**
 * Scope checks read the unit tree of the read model in use, as it stands now (each unit's latest version), so that
 * reporting keeps one copy of the units. A generation of an older model is not read: scoped callers wait for the
 * rebuild that replaces it ({@link OutdatedReadModelException}).
 */
@ApplicationScoped
public class CurrentUnitTree implements UnitHierarchy {

    /** A unit as it stands now. */
    public record Unit(String code, String parentCode, String name, String kind) {
    }

    private final ReadModel readModel;
    private final Sql sql;

    CurrentUnitTree(ReadModel readModel, Sql sql) {
        this.readModel = readModel;
        this.sql = sql;
    }

    @Override
    public boolean isWithin(String unitCode, String ancestorCode) {
        if (unitCode.equals(ancestorCode)) {
            return true;
        }
        return sql.first("""
                with recursive up(code, depth) as (
                    select cast(? as varchar), 0
                    union all
                    select latest.parent_code, up.depth + 1 from up
                    join lateral (select v.parent_code from %s.unit_version v where v.code = up.code
                                  order by v.effective_from desc limit 1) latest on latest.parent_code is not null
                    where up.depth < 64)
                select exists (select 1 from up where code = ?)""".formatted(schema()), r -> r.bool(1), unitCode,
                ancestorCode).orElse(false);
    }

    /** Walks down through each unit's latest version only (by the parent index), not the whole table. */
    @Override
    public Set<String> subtree(String rootCode) {
        String schema = schema();
        return new HashSet<>(sql.list("""
                with recursive down(code, depth) as (
                    select cast(? as varchar), 0
                    union all
                    select v.code, down.depth + 1 from down
                    join %1$s.unit_version v on v.parent_code = down.code
                    where down.depth < 64 and not exists (select 1 from %1$s.unit_version later
                        where later.code = v.code and later.effective_from > v.effective_from))
                select code from down""".formatted(schema), r -> r.string("code"), rootCode));
    }

    /** The unit's latest version, if the read model knows the unit. */
    public Optional<Unit> unit(String code) {
        return sql.first("""
                select code, parent_code, name, kind from %s.unit_version where code = ?
                order by effective_from desc limit 1""".formatted(schema()),
                r -> new Unit(r.string("code"), r.string("parent_code"), r.string("name"), r.string("kind")), code);
    }

    /**
     * The schema of the generation in use, named in the statements rather than through the search path: scope checks
     * also run outside read-model transactions.
     */
    private String schema() {
        ReadModel.Generation generation = readModel.activeGeneration();
        if (!generation.current()) {
            throw new OutdatedReadModelException(generation);
        }
        return generation.schema();
    }
}

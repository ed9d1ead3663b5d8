package vn.gov.training.platform.security;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import vn.gov.training.platform.problem.ProblemException;

/**
 * What part of the unit tree the caller may read and what part they may change, asked separately:
 * <ul>
 * <li>read: every unit for admins, province managers and integration clients; for everyone else (leaders included)
 * their own {@code org_unit} and the units below it;</li>
 * <li>write: every unit for admins and province managers only; for everyone else their own {@code org_unit}'s
 * subtree, whatever other roles they hold (a unit officer who is also a leader still writes only in their
 * subtree); an integration client writes nothing through this scope: an endpoint that lets a system write checks
 * that explicitly.</li>
 * </ul>
 * Which roles may write at all is the endpoint's business ({@code @RolesAllowed}); this class answers where.
 * Services call it in their service layer, not only in the UI.
 */
@RequestScoped
public class UnitScope {

    private final Caller caller;
    private final UnitHierarchy hierarchy;
    /** The caller's own subtree, expanded once per request: a page of records asks for every row. */
    private Set<String> ownSubtree;

    UnitScope(Caller caller, UnitHierarchy hierarchy) {
        this.caller = caller;
        this.hierarchy = hierarchy;
    }

    /** The caller reads every unit. */
    public boolean readsProvinceWide() {
        return caller.readsProvinceWide();
    }

    /** The caller may change records of every unit. */
    public boolean writesProvinceWide() {
        return caller.writesProvinceWide();
    }

    /** May the caller see records of {@code unitCode}? */
    public boolean canRead(String unitCode) {
        return readsProvinceWide() || withinOwnUnit(unitCode);
    }

    /** May the caller change records of {@code unitCode} (or create one there)? */
    public boolean canWrite(String unitCode) {
        if (writesProvinceWide()) {
            return true;
        }
        return !caller.isIntegrationOnly() && withinOwnUnit(unitCode);
    }

    private boolean withinOwnUnit(String unitCode) {
        return unitCode != null && ownSubtree().contains(unitCode);
    }

    private Set<String> ownSubtree() {
        if (ownSubtree == null) {
            ownSubtree = caller.orgUnit().map(hierarchy::subtree).orElse(Set.of());
        }
        return ownSubtree;
    }

    /**
     * Fails when the caller may not see a record of {@code unitCode}: 404 rather than 403, so that a record's
     * existence is not disclosed outside the caller's scope.
     */
    public void requireVisible(String unitCode, String notFoundCode, Object... args) {
        if (!canRead(unitCode)) {
            throw ProblemException.notFound(notFoundCode, args);
        }
    }

    /** Fails with 403 when the caller may not act on {@code unitCode} (e.g. create a record there). */
    public void requireWritable(String unitCode) {
        if (!canWrite(unitCode)) {
            throw ProblemException.forbidden("unit-out-of-scope", unitCode);
        }
    }

    /** The units the caller may read, or empty when they read all; an empty set means no unit at all. */
    public Optional<Set<String>> visibleUnits() {
        if (readsProvinceWide()) {
            return Optional.empty();
        }
        return Optional.of(ownSubtree());
    }

    /** The units the caller may change records of, or empty when they write everywhere. */
    public Optional<Set<String>> writableUnits() {
        if (writesProvinceWide()) {
            return Optional.empty();
        }
        if (caller.isIntegrationOnly()) {
            return Optional.of(Set.of());
        }
        return Optional.of(ownSubtree());
    }
}

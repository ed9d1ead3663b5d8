package vn.gov.training.platform.security;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import vn.gov.training.platform.problem.ProblemException;

/**
 * What part of the unit tree the caller may see and change: everything for province-wide roles, their own unit
 * and its sub-units for everyone else. Services call this in their service layer, not only in the UI.
 */
@RequestScoped
public class UnitScope {

    private final Caller caller;
    private final UnitHierarchy hierarchy;

    UnitScope(Caller caller, UnitHierarchy hierarchy) {
        this.caller = caller;
        this.hierarchy = hierarchy;
    }

    public boolean isUnrestricted() {
        return caller.isProvinceWide();
    }

    public boolean covers(String unitCode) {
        if (isUnrestricted()) {
            return true;
        }
        Optional<String> own = caller.orgUnit();
        return unitCode != null && own.isPresent() && hierarchy.isWithin(unitCode, own.get());
    }

    /**
     * Fails when the caller may not see a record of {@code unitCode}: 404 rather than 403, so that a record's
     * existence is not disclosed outside the caller's scope.
     */
    public void requireVisible(String unitCode, String notFoundCode, Object... args) {
        if (!covers(unitCode)) {
            throw ProblemException.notFound(notFoundCode, args);
        }
    }

    /** Fails with 403 when the caller may not act on {@code unitCode} (e.g. create a record there). */
    public void requireWritable(String unitCode) {
        if (!covers(unitCode)) {
            throw ProblemException.forbidden("unit-out-of-scope", unitCode);
        }
    }

    /** The units the caller may see, or empty when unrestricted; an empty set means no unit at all. */
    public Optional<Set<String>> visibleUnits() {
        if (isUnrestricted()) {
            return Optional.empty();
        }
        return Optional.of(caller.orgUnit().map(hierarchy::subtree).orElse(Set.of()));
    }
}

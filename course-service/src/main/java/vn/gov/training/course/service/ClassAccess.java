package vn.gov.training.course.service;

import jakarta.enterprise.context.RequestScoped;

import vn.gov.training.course.domain.CourseClass;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Caller;
import vn.gov.training.platform.security.Roles;
import vn.gov.training.platform.security.UnitScope;

/**
 * Who may schedule and manage a class: admins and province managers any class; institution staff the classes of
 * their own institution (token claim {@code institution}); unit officers the classes their unit or a unit below
 * it organises (a department's own title-based course, a commune's workshop). Everyone else only reads.
 */
@RequestScoped
public class ClassAccess {

    private final Caller caller;
    private final UnitScope scope;

    ClassAccess(Caller caller, UnitScope scope) {
        this.caller = caller;
        this.scope = scope;
    }

    public void requireManage(String institutionCode, String organisingUnitCode) {
        if (caller.hasAnyRole(Roles.ADMIN, Roles.PROVINCE_MANAGER)) {
            return;
        }
        if (caller.hasRole(Roles.INSTITUTION_STAFF)
                && caller.institution().map(own -> own.equals(institutionCode)).orElse(false)) {
            return;
        }
        if (caller.hasRole(Roles.UNIT_OFFICER) && organisingUnitCode != null
                && caller.orgUnit().isPresent() && scope.canWrite(organisingUnitCode)) {
            return;
        }
        throw ProblemException.forbidden("class-out-of-scope", institutionCode, organisingUnitCode);
    }

    /**
     * May the caller schedule a class at {@code institutionCode} organised by {@code organisingUnitCode}, or move
     * {@code existing} there? The organising unit is checked like the class itself: a class organised by a unit
     * counts in that unit's plans and reports and is managed by its officers, so institution staff may name only a
     * unit of their own subtree (or keep the unit an existing class already has), and unit officers only a unit of
     * theirs.
     */
    public void requirePlacement(String institutionCode, String organisingUnitCode, CourseClass existing) {
        if (caller.hasAnyRole(Roles.ADMIN, Roles.PROVINCE_MANAGER)) {
            return;
        }
        boolean unitWritable = organisingUnitCode != null && caller.orgUnit().isPresent()
                && scope.canWrite(organisingUnitCode);
        if (caller.hasRole(Roles.UNIT_OFFICER) && unitWritable) {
            return;
        }
        boolean ownInstitution = caller.hasRole(Roles.INSTITUTION_STAFF)
                && caller.institution().map(own -> own.equals(institutionCode)).orElse(false);
        boolean unitKept = existing != null && organisingUnitCode != null
                && organisingUnitCode.equals(existing.organisingUnitCode);
        if (ownInstitution && (unitWritable || unitKept)) {
            return;
        }
        throw ProblemException.forbidden("class-out-of-scope", institutionCode, organisingUnitCode);
    }
}

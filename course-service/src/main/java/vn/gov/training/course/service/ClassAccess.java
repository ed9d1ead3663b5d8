package vn.gov.training.course.service;

import jakarta.enterprise.context.RequestScoped;

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
}

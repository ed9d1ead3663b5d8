package vn.gov.training.enrolment.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import vn.gov.training.enrolment.domain.ClassCopy;
import vn.gov.training.enrolment.domain.Enrolment;
import vn.gov.training.enrolment.domain.PersonCopy;
import vn.gov.training.platform.problem.Messages;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Caller;
import vn.gov.training.platform.security.Roles;
import vn.gov.training.platform.security.ScopeUnit;
import vn.gov.training.platform.security.UnitScope;

/**
 * Who may do what to an enrolment: unit officers for people of their subtree, institution staff for classes of
 * their institution, province managers (and admins) anywhere, staff for themselves. Leaders read their own unit's
 * subtree; integration clients read everything and change nothing.
 */
@RequestScoped
public class AccessPolicy {

    private final Caller caller;
    private final UnitScope scope;
    private final Messages messages;

    AccessPolicy(Caller caller, UnitScope scope, Messages messages) {
        this.caller = caller;
        this.scope = scope;
        this.messages = messages;
    }

    /** Fails with 400 on {@code field} when {@code unitCode} is not a unit of the organisation's copy. */
    public void requireKnownUnit(String field, String unitCode) {
        if (unitCode == null || ScopeUnit.findById(unitCode) == null) {
            throw ProblemException.invalid(List.of(messages.fieldError(field, "unknown-unit", unitCode)));
        }
    }

    /**
     * A person's own settings (calendar subscriptions, notification preferences): the person themself, admins and
     * province managers, or a unit officer whose subtree holds the person; other roles get 403 ({@code forbidden})
     * whatever the person; an unknown person is 404 for the roles that could manage one.
     */
    public PersonCopy requirePersonalSettings(UUID personnelId, String forbidden) {
        boolean province = isProvince();
        boolean self = isSelf(personnelId);
        if (!province && !self && !caller.hasRole(Roles.UNIT_OFFICER)) {
            throw ProblemException.forbidden(forbidden, personnelId);
        }
        PersonCopy person = PersonCopy.findById(personnelId);
        if (person == null) {
            throw ProblemException.notFound("person-unknown", personnelId);
        }
        if (!province && !self && !scope.canWrite(person.orgUnitCode)) {
            throw ProblemException.forbidden(forbidden, personnelId);
        }
        return person;
    }

    public boolean isProvince() {
        return caller.hasAnyRole(Roles.ADMIN, Roles.PROVINCE_MANAGER);
    }

    public boolean isOwnInstitution(ClassCopy cls) {
        return caller.hasRole(Roles.INSTITUTION_STAFF) && cls.institutionCode != null
                && caller.institution().map(cls.institutionCode::equals).orElse(false);
    }

    public boolean isSelf(UUID personnelId) {
        return caller.personnelId().map(id -> id.equalsIgnoreCase(personnelId.toString())).orElse(false);
    }

    public Optional<String> ownInstitution() {
        return caller.hasRole(Roles.INSTITUTION_STAFF) ? caller.institution() : Optional.empty();
    }

    public Optional<UUID> ownPersonnelId() {
        return caller.personnelId().flatMap(id -> {
            try {
                return Optional.of(UUID.fromString(id));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    public String callerUnit() {
        return caller.orgUnit().orElse(null);
    }

    public String callerName() {
        return caller.name();
    }

    /** Nominating: province, or a unit officer whose subtree holds the person and the nominating unit. */
    public void requireNominate(PersonCopy person, String nominatingUnitCode) {
        if (isProvince()) {
            return;
        }
        if (!caller.hasRole(Roles.UNIT_OFFICER)) {
            throw ProblemException.forbidden("forbidden");
        }
        scope.requireWritable(person.orgUnitCode);
        scope.requireWritable(nominatingUnitCode);
    }

    /** Approving or refusing: province managers anywhere, institution staff for their own institution's classes. */
    public void requireApprove(ClassCopy cls) {
        if (!isProvince() && !isOwnInstitution(cls)) {
            throw ProblemException.forbidden("not-class-institution", cls.code);
        }
    }

    /** Attendance, exams and results: the class's institution (or the province). */
    public void requireRecordResults(ClassCopy cls) {
        requireApprove(cls);
    }

    /** Withdrawing: whoever nominated (the unit) or runs the class, or the province. */
    public void requireWithdraw(Enrolment e, ClassCopy cls) {
        if (isProvince() || isOwnInstitution(cls)) {
            return;
        }
        if (caller.hasRole(Roles.UNIT_OFFICER) && scope.canWrite(e.personOrgUnitCode)) {
            return;
        }
        throw ProblemException.forbidden("forbidden");
    }

    public boolean canSee(Enrolment e, ClassCopy cls) {
        if (caller.readsProvinceWide()) {
            return true;
        }
        if (cls != null && isOwnInstitution(cls)) {
            return true;
        }
        if (caller.hasAnyRole(Roles.UNIT_OFFICER, Roles.LEADER)
                && (scope.canRead(e.personOrgUnitCode) || scope.canRead(e.nominatingUnitCode))) {
            return true;
        }
        return isSelf(e.personnelId);
    }

    /** A person's record (training history): province-wide readers, their unit's officers and leaders, themselves. */
    public boolean canSeePerson(UUID personnelId, PersonCopy person) {
        if (caller.readsProvinceWide() || isSelf(personnelId)) {
            return true;
        }
        return person != null && caller.hasAnyRole(Roles.UNIT_OFFICER, Roles.LEADER)
                && scope.canRead(person.orgUnitCode);
    }

    public UnitScope scope() {
        return scope;
    }

    /** Reads every unit's enrolments: admins, province managers, integration clients (not leaders). */
    public boolean readsProvinceWide() {
        return caller.readsProvinceWide();
    }

    public boolean hasRole(String role) {
        return caller.hasRole(role);
    }
}

package vn.gov.training.personnel.service;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.personnel.domain.Person;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Caller;
import vn.gov.training.platform.security.Roles;
import vn.gov.training.platform.security.UnitScope;

/**
 * Who may see and change which staff record: admins and province managers everything; leaders and integration
 * clients read everything; unit officers (and institution staff, for reading) their unit's subtree; everyone their
 * own record. A record outside the caller's sight is "not found" (404), so its existence is not disclosed.
 */
@ApplicationScoped
public class PersonAccess {

    /** What a list query may return: every record, some units' records, or one person's. */
    public record Visibility(boolean all, Set<String> units, UUID self) {
    }

    private final Caller caller;
    private final UnitScope scope;

    PersonAccess(Caller caller, UnitScope scope) {
        this.caller = caller;
        this.scope = scope;
    }

    public boolean canRead(Person p) {
        return isSelf(p) || caller.hasAnyRole(Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.LEADER, Roles.INTEGRATION)
                || caller.hasAnyRole(Roles.UNIT_OFFICER, Roles.INSTITUTION_STAFF) && scope.covers(p.orgUnitCode);
    }

    public boolean canWrite(Person p) {
        return caller.hasAnyRole(Roles.ADMIN, Roles.PROVINCE_MANAGER)
                || caller.hasRole(Roles.UNIT_OFFICER) && scope.covers(p.orgUnitCode);
    }

    /** National ID and full date of birth: for the HR roles responsible for the person, and the person. */
    public boolean seesPersonalData(Person p) {
        return isSelf(p) || caller.hasAnyRole(Roles.ADMIN, Roles.PROVINCE_MANAGER)
                || caller.hasRole(Roles.UNIT_OFFICER) && scope.covers(p.orgUnitCode);
    }

    public Person readable(UUID id) {
        Person p = Person.findById(id);
        if (p == null || !canRead(p)) {
            throw ProblemException.notFound("person-not-found", id);
        }
        return p;
    }

    public Person writable(UUID id) {
        Person p = readable(id);
        if (!canWrite(p)) {
            throw ProblemException.forbidden("forbidden");
        }
        return p;
    }

    /** Fails with 403 when the caller may not place a record in {@code unitCode}. */
    public void requireUnitWritable(String unitCode) {
        if (!caller.hasAnyRole(Roles.ADMIN, Roles.PROVINCE_MANAGER)) {
            scope.requireWritable(unitCode);
        }
    }

    public Visibility visibility() {
        if (caller.hasAnyRole(Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.LEADER, Roles.INTEGRATION)) {
            return new Visibility(true, Set.of(), null);
        }
        UUID self = selfId().orElse(null);
        if (caller.hasAnyRole(Roles.UNIT_OFFICER, Roles.INSTITUTION_STAFF)) {
            return new Visibility(false, scope.visibleUnits().orElse(Set.of()), self);
        }
        return new Visibility(false, Set.of(), self);
    }

    public boolean isAdmin() {
        return caller.hasRole(Roles.ADMIN);
    }

    public String callerName() {
        return caller.name();
    }

    private boolean isSelf(Person p) {
        return selfId().map(p.id::equals).orElse(false);
    }

    private Optional<UUID> selfId() {
        try {
            return caller.personnelId().map(UUID::fromString);
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}

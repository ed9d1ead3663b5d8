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
 * Who may see and change which staff record: admins and province managers everything; integration clients read
 * everything; leaders read their own unit's subtree; unit officers (and institution staff, for reading) their unit's
 * subtree; everyone their own record. Writes are for admins, province managers, and unit officers within their
 * subtree, whatever other roles they hold ({@link UnitScope#canWrite}). A record outside the caller's sight is "not
 * found" (404), so its existence is not disclosed.
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
        return isSelf(p) || caller.hasAnyRole(Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.INTEGRATION, Roles.LEADER,
                Roles.UNIT_OFFICER, Roles.INSTITUTION_STAFF) && scope.canRead(p.orgUnitCode);
    }

    public boolean canWrite(Person p) {
        return caller.hasAnyRole(Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER)
                && scope.canWrite(p.orgUnitCode);
    }

    /**
     * National ID and full date of birth: for the HR roles responsible for the person, the person, and a client with
     * a data-sharing agreement (role {@code personal-data}) for the records it may read.
     */
    public boolean seesPersonalData(Person p) {
        return isSelf(p) || canWrite(p) || sharedUnderAgreement(p);
    }

    /** Personal data shown only because of the caller's data-sharing agreement: such a read is audited. */
    public boolean sharedUnderAgreement(Person p) {
        return caller.hasRole(Roles.PERSONAL_DATA) && !isSelf(p) && !canWrite(p) && canRead(p);
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
        scope.requireWritable(unitCode);
    }

    /** May the caller change records of {@code unitCode}? */
    public boolean canWriteUnit(String unitCode) {
        return scope.canWrite(unitCode);
    }

    public Visibility visibility() {
        if (scope.readsProvinceWide()) {
            return new Visibility(true, Set.of(), null);
        }
        UUID self = selfId().orElse(null);
        if (caller.hasAnyRole(Roles.UNIT_OFFICER, Roles.INSTITUTION_STAFF, Roles.LEADER)) {
            return new Visibility(false, scope.visibleUnits().orElse(Set.of()), self);
        }
        return new Visibility(false, Set.of(), self);
    }

    /** What an import may write: every unit, or these units' records only. */
    public Visibility writeScope() {
        return scope.writableUnits().map(units -> new Visibility(false, units, null))
                .orElse(new Visibility(true, Set.of(), null));
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

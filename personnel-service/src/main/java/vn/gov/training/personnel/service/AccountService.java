package vn.gov.training.personnel.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.personnel.domain.AccountTask;
import vn.gov.training.personnel.domain.Person;
import vn.gov.training.personnel.domain.PersonStatus;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Roles;

/** Requests a person's Keycloak account: recorded on the person and queued, applied by {@link AccountWorker}. */
@ApplicationScoped
public class AccountService {

    private static final Set<String> GRANTABLE = Set.of(Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER,
            Roles.INSTITUTION_STAFF, Roles.LEADER, Roles.STAFF);

    private final PersonAccess access;
    private final AccountTasks tasks;
    private final AuditTrail audit;
    private final PersonValidator validator;

    AccountService(PersonAccess access, AccountTasks tasks, AuditTrail audit, PersonValidator validator) {
        this.access = access;
        this.tasks = tasks;
        this.audit = audit;
        this.validator = validator;
    }

    public record AccountState(String username, String state, int pendingTasks, String lastError) {
    }

    @Transactional
    public AccountState request(UUID personId, String username, List<String> roles) {
        Person p = access.writable(personId);
        if (p.status == PersonStatus.LEFT) {
            throw ProblemException.conflict("person-left", p.id);
        }
        String wanted = username == null || username.isBlank() ? defaultUsername(p) : username.strip().toLowerCase();
        if (!wanted.matches("[a-z0-9][a-z0-9._-]{2,99}")) {
            throw ProblemException.invalid(List.of(validator.error("username", "username-format")));
        }
        Set<String> granted = new LinkedHashSet<>();
        granted.add(Roles.STAFF);
        if (roles != null) {
            for (String role : roles) {
                if (!GRANTABLE.contains(role)) {
                    throw ProblemException.invalid(List.of(validator.error("roles", "unknown-role", role)));
                }
                granted.add(role);
            }
        }
        if (granted.size() > 1 && !access.isAdmin()) {
            throw ProblemException.forbidden("roles-admin-only");
        }
        Person holder = Person.find("accountUsername", wanted).firstResult();
        if (holder != null && !holder.id.equals(p.id)) {
            throw ProblemException.conflict("account-username-taken", wanted).with("existingId", holder.id);
        }
        String before = p.accountUsername;
        p.accountUsername = wanted;
        tasks.enqueue(p, AccountTask.Action.PROVISION, new ArrayList<>(granted));
        audit.record(PersonnelService.AUDIT_TYPE, p.id, "account-requested", new Account(before, null),
                new Account(wanted, List.copyOf(granted)));
        return stateOf(p);
    }

    public AccountState state(UUID personId) {
        Person p = access.readable(personId);
        if (p.accountUsername == null) {
            throw ProblemException.notFound("account-not-found", personId);
        }
        return stateOf(p);
    }

    private static AccountState stateOf(Person p) {
        List<AccountTask> pending = AccountTask.list("personId = ?1 and state = 'PENDING' order by id", p.id);
        return new AccountState(p.accountUsername, pending.isEmpty() ? "SYNCED" : "PENDING", pending.size(),
                pending.isEmpty() ? null : pending.get(0).lastError);
    }

    private static String defaultUsername(Person p) {
        return "nv." + p.id.toString().substring(0, 8);
    }

    private record Account(String username, List<String> roles) {
    }
}

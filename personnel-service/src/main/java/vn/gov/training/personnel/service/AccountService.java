package vn.gov.training.personnel.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import vn.gov.training.personnel.domain.AccountTask;
import vn.gov.training.personnel.domain.Person;
import vn.gov.training.personnel.domain.PersonStatus;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Roles;

/**
 * Requests a person's Keycloak account: recorded on the person and queued, applied by {@link AccountWorker}.
 * <p>
 * A username is refused (409 {@code account-username-taken}) when another record holds it or when Keycloak already
 * has a user of that name that is not linked to this person ({@code personnel_id}); an existing user linked to the
 * person (an earlier attempt whose answer was lost) is adopted. When Keycloak cannot be asked at request time, the
 * worker makes the same check and marks the task FAILED instead. Changing the username of a person who already has
 * an account disables the old Keycloak user (queued before the new one is provisioned), so one person never keeps
 * two working logins; the old user is kept, disabled, for its history.
 */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);

    private static final Set<String> GRANTABLE = Set.of(Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER,
            Roles.INSTITUTION_STAFF, Roles.LEADER, Roles.STAFF);

    private final PersonAccess access;
    private final AccountTasks tasks;
    private final AuditTrail audit;
    private final PersonValidator validator;
    private final KeycloakAccounts keycloak;

    AccountService(PersonAccess access, AccountTasks tasks, AuditTrail audit, PersonValidator validator,
                   KeycloakAccounts keycloak) {
        this.access = access;
        this.tasks = tasks;
        this.audit = audit;
        this.validator = validator;
        this.keycloak = keycloak;
    }

    /**
     * {@code passwordMail}: the mail by which Keycloak lets the person set their password, if the account was asked
     * for since mails exist; null before.
     */
    public record AccountState(String username, String state, int pendingTasks, String lastError,
                               PasswordMailState passwordMail) {
    }

    /**
     * {@code status}: PENDING (queued, or waiting for Keycloak or its mail server), SENT, NOT_NEEDED (the user has a
     * password already), NO_EMAIL (the record has no e-mail address: add one and ask for the account again);
     * {@code message}: what the console shows, in Vietnamese.
     */
    public record PasswordMailState(String status, String email, java.time.OffsetDateTime sentAt, String message) {
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
            ProblemException taken = ProblemException.conflict("account-username-taken", wanted);
            throw access.canRead(holder) ? taken.with("existingId", holder.id) : taken;
        }
        if (takenInKeycloak(wanted, p)) {
            throw ProblemException.conflict("account-username-taken", wanted);
        }
        String before = p.accountUsername;
        if (before != null && !before.equals(wanted)) {
            tasks.enqueue(p, AccountTask.Action.DISABLE, null);
        }
        p.accountUsername = wanted;
        tasks.enqueue(p, AccountTask.Action.PROVISION, new ArrayList<>(granted));
        if (p.email != null && !p.email.isBlank()) {
            // Keycloak mails the link to set a password once the user exists (nothing when it has one already)
            tasks.enqueue(p, AccountTask.Action.SET_PASSWORD_MAIL, null);
        }
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

    /** Keycloak's answer, or false when it cannot be asked now (the worker checks again before creating). */
    private boolean takenInKeycloak(String username, Person p) {
        try {
            return keycloak.takenByOther(username, p.id.toString());
        } catch (RuntimeException unavailable) {
            LOG.warnf("Keycloak not reachable to check a username (%s); the account worker will check it",
                    unavailable.getClass().getSimpleName());
            return false;
        }
    }

    /** PENDING while changes wait for Keycloak; FAILED (with the problem code) when the last one failed for good. */
    private static AccountState stateOf(Person p) {
        String mail = AccountTask.Action.SET_PASSWORD_MAIL.name();
        PasswordMailState passwordMail = PasswordMails.state(p);
        List<AccountTask> pending = AccountTask.list("personId = ?1 and state = 'PENDING' and action <> ?2 order by id",
                p.id, mail);
        if (!pending.isEmpty()) {
            return new AccountState(p.accountUsername, "PENDING", pending.size(), pending.get(0).lastError,
                    passwordMail);
        }
        AccountTask last = AccountTask.<AccountTask>find("personId = ?1 and username = ?2 and action <> ?3"
                + " order by id desc", p.id, p.accountUsername, mail).firstResult();
        if (last != null && AccountTask.State.FAILED.name().equals(last.state)) {
            return new AccountState(p.accountUsername, "FAILED", 0, last.lastError, passwordMail);
        }
        return new AccountState(p.accountUsername, "SYNCED", 0, null, passwordMail);
    }

    /**
     * "nv." and the last 8 hex digits of the record's id: random in every id (the first ones of a time-ordered id are
     * its time, the same for the people registered in the same minute).
     */
    private static String defaultUsername(Person p) {
        String id = p.id.toString();
        return "nv." + id.substring(id.length() - 8);
    }

    private record Account(String username, List<String> roles) {
    }
}

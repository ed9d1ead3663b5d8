package vn.gov.training.personnel.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.RoleScopeResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The account changes against the Keycloak admin API, each idempotent: create the user unless it exists, set
 * attributes to the wanted values, add roles, disable. Running one twice leaves the same state.
 * <p>
 * An existing Keycloak user is adopted only when its {@code personnel_id} attribute already names the same person
 * (our own earlier attempt whose answer was lost). Any other user of that name (a demo or admin account, someone
 * else's account, a user made by hand) is never touched: {@link UsernameTakenException}.
 */
@ApplicationScoped
public class KeycloakAccounts {

    private final Keycloak keycloak;

    @ConfigProperty(name = "quarkus.keycloak.admin-client.realm", defaultValue = "training")
    String realmName;

    KeycloakAccounts(Keycloak keycloak) {
        this.keycloak = keycloak;
    }

    /** The wanted state of an account. */
    public record Account(String username, String personnelId, String orgUnitCode, String firstName, String lastName,
                          String email, List<String> roles, boolean enabled) {
    }

    /** The username is held in Keycloak by a user that is not linked to this person: refused, not retried. */
    public static class UsernameTakenException extends RuntimeException {
        public UsernameTakenException() {
            super("account-username-taken");
        }
    }

    /**
     * True when Keycloak has a user of this name that is not linked to {@code personnelId}. Fails (runtime
     * exception) when Keycloak cannot be asked.
     */
    public boolean takenByOther(String username, String personnelId) {
        RealmResource realm = keycloak.realm(realmName);
        UserRepresentation user = find(realm, username);
        return user != null && !ownedBy(realm.users().get(user.getId()).toRepresentation(), personnelId);
    }

    public void provision(Account account) {
        RealmResource realm = keycloak.realm(realmName);
        UserRepresentation user = find(realm, account.username());
        if (user == null) {
            UserRepresentation created = new UserRepresentation();
            created.setUsername(account.username());
            created.setEnabled(true);
            created.setFirstName(account.firstName());
            created.setLastName(account.lastName());
            created.setEmail(account.email());
            created.setAttributes(attributes(account, Map.of()));
            try (Response response = realm.users().create(created)) {
                if (response.getStatus() != 201 && response.getStatus() != 409) {
                    throw new IllegalStateException("Keycloak refused the user: HTTP " + response.getStatus());
                }
            }
            user = find(realm, account.username());
            if (user == null) {
                throw new IllegalStateException("user not found after creation");
            }
            if (!ownedBy(realm.users().get(user.getId()).toRepresentation(), account.personnelId())) {
                // another request created it between our search and our create
                throw new UsernameTakenException();
            }
        } else {
            UserResource existing = realm.users().get(user.getId());
            UserRepresentation full = existing.toRepresentation();
            if (!ownedBy(full, account.personnelId())) {
                throw new UsernameTakenException();
            }
            full.setAttributes(attributes(account, full.getAttributes()));
            existing.update(full);
        }
        addRoles(realm, user.getId(), account.roles());
    }

    /**
     * Sets org_unit (and enabled) on the person's existing user; a missing user is an error to retry, a user linked
     * to someone else is {@link UsernameTakenException}.
     */
    public void sync(Account account) {
        RealmResource realm = keycloak.realm(realmName);
        UserRepresentation user = find(realm, account.username());
        if (user == null) {
            throw new IllegalStateException("no Keycloak user " + account.username());
        }
        UserResource existing = realm.users().get(user.getId());
        UserRepresentation full = existing.toRepresentation();
        if (!ownedBy(full, account.personnelId())) {
            throw new UsernameTakenException();
        }
        full.setAttributes(attributes(account, full.getAttributes()));
        full.setEnabled(account.enabled());
        existing.update(full);
    }

    /**
     * Disables the person's user of this name. Nothing to do when there is no such user or it is not linked to the
     * person (e.g. a username the person asked for but never got): someone else's account is never disabled.
     */
    public void disable(Account account) {
        RealmResource realm = keycloak.realm(realmName);
        UserRepresentation user = find(realm, account.username());
        if (user == null) {
            return;
        }
        UserResource existing = realm.users().get(user.getId());
        UserRepresentation full = existing.toRepresentation();
        if (!ownedBy(full, account.personnelId())) {
            return;
        }
        full.setEnabled(false);
        existing.update(full);
    }

    /** What {@link #sendSetPasswordMail} did. */
    public enum PasswordMail { SENT, NOT_NEEDED }

    /**
     * Asks Keycloak to mail the person the link to set their password (required action {@code UPDATE_PASSWORD},
     * {@code execute-actions-email}, through the realm's SMTP server), unless the user has a password already or is
     * disabled (an old username, a person who left) or the record has no address any more. The
     * user's e-mail address is set to the record's first when they differ. Fails (runtime exception, retried by the
     * worker) when Keycloak or its SMTP server cannot do it now; a user linked to someone else is
     * {@link UsernameTakenException}.
     */
    public PasswordMail sendSetPasswordMail(Account account, String clientId, Duration lifespan) {
        RealmResource realm = keycloak.realm(realmName);
        UserRepresentation user = find(realm, account.username());
        if (user == null) {
            throw new IllegalStateException("no Keycloak user " + account.username());
        }
        UserResource existing = realm.users().get(user.getId());
        UserRepresentation full = existing.toRepresentation();
        if (!ownedBy(full, account.personnelId())) {
            throw new UsernameTakenException();
        }
        boolean hasPassword = existing.credentials().stream()
                .anyMatch(c -> CredentialRepresentation.PASSWORD.equals(c.getType()));
        if (hasPassword || !Boolean.TRUE.equals(full.isEnabled()) || account.email() == null
                || account.email().isBlank()) {
            return PasswordMail.NOT_NEEDED;
        }
        if (account.email() != null && !account.email().equalsIgnoreCase(full.getEmail())) {
            full.setEmail(account.email());
            existing.update(full);
        }
        existing.executeActionsEmail(clientId, null, (int) lifespan.toSeconds(), List.of("UPDATE_PASSWORD"));
        return PasswordMail.SENT;
    }

    public UserRepresentation user(String username) {
        return find(keycloak.realm(realmName), username);
    }

    public List<String> realmRoles(String username) {
        RealmResource realm = keycloak.realm(realmName);
        UserRepresentation user = find(realm, username);
        return user == null ? List.of() : realm.users().get(user.getId()).roles().realmLevel().listAll()
                .stream().map(RoleRepresentation::getName).toList();
    }

    /**
     * Adds the missing roles. The service account may map roles (manage-users) but not read the realm's roles, so
     * the roles come from the user's "available" list rather than the realm's role endpoint.
     */
    private void addRoles(RealmResource realm, String userId, List<String> roles) {
        if (roles == null || roles.isEmpty()) {
            return;
        }
        RoleScopeResource mapping = realm.users().get(userId).roles().realmLevel();
        List<RoleRepresentation> missing = mapping.listAvailable().stream()
                .filter(role -> roles.contains(role.getName())).toList();
        if (!missing.isEmpty()) {
            mapping.add(new ArrayList<>(missing));
        }
    }

    private static UserRepresentation find(RealmResource realm, String username) {
        return realm.users().searchByUsername(username, true).stream().findFirst().orElse(null);
    }

    private static boolean ownedBy(UserRepresentation user, String personnelId) {
        List<String> linked = user.getAttributes() == null ? null : user.getAttributes().get("personnel_id");
        return linked != null && linked.size() == 1 && personnelId.equals(linked.get(0));
    }

    private static Map<String, List<String>> attributes(Account account, Map<String, List<String>> current) {
        Map<String, List<String>> attributes = new HashMap<>(current == null ? Map.of() : current);
        attributes.put("org_unit", List.of(account.orgUnitCode()));
        attributes.put("personnel_id", List.of(account.personnelId()));
        // Keycloak's pages after the set-password link (no ui_locales there) speak the person's language, Vietnamese
        // unless they chose English themselves, whatever the browser asks for
        attributes.putIfAbsent("locale", List.of("vi"));
        return attributes;
    }
}

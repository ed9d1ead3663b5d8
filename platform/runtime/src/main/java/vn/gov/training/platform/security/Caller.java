package vn.gov.training.platform.security;

import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/**
 * Who is calling: user name, realm roles and the {@code org_unit}, {@code institution} and {@code personnel_id}
 * claims that Keycloak maps from user attributes into the access token.
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** The user name, or the client id for a service account; "anonymous" without a token. */
    public String name() {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        String username = token.getClaim("preferred_username");
        return username != null ? username : identity.getPrincipal().getName();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean hasAnyRole(String... roles) {
        for (String role : roles) {
            if (identity.hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads every unit: admins, province managers, and integration clients (service accounts have no
     * {@code org_unit}). Leaders are not here: they read their own unit's subtree (see {@link UnitScope}).
     */
    public boolean readsProvinceWide() {
        return hasAnyRole(Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.INTEGRATION);
    }

    /** Changes records of every unit: admins and province managers only. */
    public boolean writesProvinceWide() {
        return hasAnyRole(Roles.ADMIN, Roles.PROVINCE_MANAGER);
    }

    /**
     * True when the caller's only role that could act on records is {@code integration} (plus, possibly,
     * {@code staff}, which acts on nothing but the person's own record): such a caller writes nothing through the
     * unit scope.
     */
    public boolean isIntegrationOnly() {
        return hasRole(Roles.INTEGRATION) && !hasAnyRole(Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER,
                Roles.INSTITUTION_STAFF, Roles.LEADER);
    }

    public Optional<String> orgUnit() {
        return claim("org_unit");
    }

    public Optional<String> institution() {
        return claim("institution");
    }

    public Optional<String> personnelId() {
        return claim("personnel_id");
    }

    private Optional<String> claim(String name) {
        if (identity.isAnonymous() || token == null) {
            return Optional.empty();
        }
        Object value = token.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        String text = value.toString();
        if (text.startsWith("\"") && text.endsWith("\"") && text.length() > 1) {
            text = text.substring(1, text.length() - 1);
        }
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }
}

package vn.gov.training.gateway.console;

import java.util.Base64;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The signed-in person as the console needs it: name, roles, unit and institution from the access token (already
 * verified by quarkus-oidc), to decide which menus and buttons to show. The services enforce the same rules.
 */
@io.quarkus.qute.TemplateData
public record Viewer(String name, Set<String> roles, String orgUnit, String institution, String personnelId) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @SuppressWarnings("unchecked")
    public static Viewer of(SecurityIdentity identity) {
        Map<String, Object> claims = Map.of();
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token != null) {
            try {
                String[] parts = token.getToken().split("\\.");
                claims = MAPPER.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);
            } catch (Exception e) {
                claims = Map.of();
            }
        }
        // Vietnamese order: family name first ("Nguyễn Văn Hùng"); Keycloak's "name" claim puts the given name first
        Object family = claims.get("family_name");
        Object given = claims.get("given_name");
        String name = family != null && given != null ? family + " " + given
                : String.valueOf(claims.getOrDefault("name",
                        claims.getOrDefault("preferred_username", identity.getPrincipal().getName())));
        return new Viewer(name, identity.getRoles(), str(claims.get("org_unit")), str(claims.get("institution")),
                str(claims.get("personnel_id")));
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    public boolean isAdmin() {
        return roles.contains("admin");
    }

    /** Works on the whole province; leaders only read within their own unit's subtree (as the services enforce). */
    public boolean isProvinceWide() {
        return isAdmin() || roles.contains("province-manager");
    }

    public boolean canManageStaff() {
        return isAdmin() || roles.contains("province-manager") || roles.contains("unit-officer");
    }

    public boolean canNominate() {
        return isAdmin() || roles.contains("unit-officer") || roles.contains("province-manager");
    }

    public boolean canApprove() {
        return isAdmin() || roles.contains("province-manager") || roles.contains("institution-staff");
    }

    public boolean canRecordResults() {
        return isAdmin() || roles.contains("institution-staff") || roles.contains("province-manager");
    }

    /** Imports training history: for their units' people (unit officers) or anyone's (admins, province managers). */
    public boolean canImportHistory() {
        return canManageStaff();
    }

    public boolean canSeeStaff() {
        return canManageStaff() || roles.contains("leader");
    }

    public boolean canSeeReports() {
        return isProvinceWide() || roles.contains("leader") || roles.contains("unit-officer");
    }

    /** The unit a page filters on by default: the officer's own unit, else the whole province (HG). */
    public String defaultUnit() {
        return orgUnit != null && !isProvinceWide() ? orgUnit : "HG";
    }

    /** Where a role starts its day. */
    public enum Landing { DASHBOARD, CLASSES, ME }

    public Landing landing() {
        if (isProvinceWide() || roles.contains("unit-officer") || roles.contains("leader")) {
            return Landing.DASHBOARD;
        }
        if (roles.contains("institution-staff")) {
            return Landing.CLASSES;
        }
        return Landing.ME;
    }

    public boolean hasDashboard() {
        return landing() == Landing.DASHBOARD;
    }

    public boolean isInstitution() {
        return roles.contains("institution-staff");
    }

    public String roleLabel() {
        if (isAdmin()) return "Quản trị hệ thống";
        if (roles.contains("province-manager")) return "Cán bộ quản lý cấp tỉnh";
        if (roles.contains("unit-officer")) return "Cán bộ tổ chức đơn vị";
        if (roles.contains("institution-staff")) return "Cán bộ cơ sở đào tạo";
        if (roles.contains("leader")) return "Lãnh đạo";
        if (roles.contains("staff")) return "Cán bộ, công chức";
        return "Người dùng";
    }
}

package vn.gov.training.gateway.console;

import java.util.Set;

import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The signed-in person as the console needs it: name, roles, unit and institution from the access token (already
 * verified by quarkus-oidc), to decide which menus and buttons to show. The services enforce the same rules.
 */
@io.quarkus.qute.TemplateData
public record Viewer(String name, Set<String> roles, String orgUnit, String institution, String personnelId) {

    /** {@code accessToken}: quarkus-oidc's access token of the request (the console's session or a bearer token). */
    public static Viewer of(SecurityIdentity identity, JsonWebToken accessToken) {
        // Vietnamese order: family name first ("Nguyễn Văn Hùng"); Keycloak's "name" claim puts the given name first
        String family = claim(accessToken, "family_name");
        String given = claim(accessToken, "given_name");
        String name = family != null && given != null ? family + " " + given
                : firstOf(claim(accessToken, "name"), claim(accessToken, "preferred_username"),
                        identity.getPrincipal().getName());
        return new Viewer(name, identity.getRoles(), claim(accessToken, "org_unit"),
                claim(accessToken, "institution"), claim(accessToken, "personnel_id"));
    }

    private static String claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        return value == null ? null : value instanceof JsonString text ? text.getString() : value.toString();
    }

    private static String firstOf(String name, String username, String principal) {
        return name != null ? name : username != null ? username : principal;
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

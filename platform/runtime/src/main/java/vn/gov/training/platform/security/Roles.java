package vn.gov.training.platform.security;

/** The realm roles (Keycloak realm {@code training}). */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String PROVINCE_MANAGER = "province-manager";
    public static final String UNIT_OFFICER = "unit-officer";
    public static final String INSTITUTION_STAFF = "institution-staff";
    public static final String LEADER = "leader";
    public static final String STAFF = "staff";
    public static final String INTEGRATION = "integration";
    /**
     * A data-sharing agreement, granted to an integration client beside {@link #INTEGRATION}: full national IDs and
     * dates of birth of the records it may read, every such read audited.
     */
    public static final String PERSONAL_DATA = "personal-data";

    private Roles() {
    }
}

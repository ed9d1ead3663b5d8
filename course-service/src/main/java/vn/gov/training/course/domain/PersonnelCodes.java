package vn.gov.training.course.domain;

import java.util.List;

/**
 * The personnel codes programmes may target or require, as personnel-service names them (see the shared glossary
 * and docs/events.md): civil-service ranks (ngạch) and management tiers (diện quản lý). Kept in this one place.
 */
public final class PersonnelCodes {

    /** Cán sự, chuyên viên, chuyên viên chính, chuyên viên cao cấp. */
    public static final List<String> RANKS = List.of("OFFICER", "SPECIALIST", "PRINCIPAL_SPECIALIST",
            "SENIOR_SPECIALIST");

    /** Thuộc diện Bộ Chính trị, Ban Bí thư / Ban Thường vụ Tỉnh ủy / Ban Thường vụ Huyện ủy quản lý. */
    public static final List<String> MANAGEMENT_TIERS = List.of("CENTRAL", "PROVINCIAL_STANDING_COMMITTEE",
            "DISTRICT_STANDING_COMMITTEE");

    private PersonnelCodes() {
    }

    public static boolean isRank(String code) {
        return code != null && RANKS.contains(code.strip());
    }

    public static boolean isManagementTier(String code) {
        return code != null && MANAGEMENT_TIERS.contains(code.strip());
    }
}

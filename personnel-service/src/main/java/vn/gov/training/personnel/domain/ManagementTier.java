package vn.gov.training.personnel.domain;

/** Which Party body manages a leader (diện quản lý cán bộ); courses for leaders target a tier. */
public enum ManagementTier {
    /** Thuộc diện Bộ Chính trị, Ban Bí thư quản lý. */
    CENTRAL,
    /** Thuộc diện Ban Thường vụ Tỉnh ủy quản lý. */
    PROVINCIAL_STANDING_COMMITTEE,
    /** Thuộc diện Ban Thường vụ Huyện ủy (Thành ủy, Thị ủy) quản lý. */
    DISTRICT_STANDING_COMMITTEE;

    public static boolean isTier(String code) {
        for (ManagementTier tier : values()) {
            if (tier.name().equals(code)) {
                return true;
            }
        }
        return false;
    }
}

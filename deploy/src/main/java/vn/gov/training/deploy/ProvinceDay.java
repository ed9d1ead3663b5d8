package vn.gov.training.deploy;

import java.time.LocalDate;
import java.time.ZoneId;

/** The services' calendar: "today" is the date in Viet Nam, also when this machine runs on UTC. */
public final class ProvinceDay {

    private static final ZoneId PROVINCE_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private ProvinceDay() {
    }

    public static LocalDate today() {
        return LocalDate.now(PROVINCE_ZONE);
    }
}

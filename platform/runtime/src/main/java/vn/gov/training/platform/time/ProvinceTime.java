package vn.gov.training.platform.time;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The province's calendar. "Today" is the date in Viet Nam, whatever zone the server runs in: a server on UTC would
 * otherwise still be on yesterday for the first seven hours of every Vietnamese day. Timestamps are stored in UTC.
 */
public final class ProvinceTime {

    public static final ZoneId PROVINCE_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private ProvinceTime() {
    }

    public static LocalDate today() {
        return LocalDate.now(PROVINCE_ZONE);
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}

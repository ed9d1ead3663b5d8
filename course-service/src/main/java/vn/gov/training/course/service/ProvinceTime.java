package vn.gov.training.course.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The province's calendar: "today" is a date in Viet Nam, timestamps are stored in UTC. */
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

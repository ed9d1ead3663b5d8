package vn.gov.training.platform.web;

import java.time.LocalDate;

/**
 * The dates a request may carry: 1900-01-01 to 2100-12-31. Nothing this system records happened before 1900 or is
 * planned after 2100; {@code +99999-01-01} or {@code 0000-01-01} is a typing or an integration error, refused with a
 * field error ({@code date-out-of-range}) before any service sees it. Enforced once for every service: in JSON bodies
 * by {@link DateRangeJackson}, in query, path and header parameters by {@link DateRangeParams}.
 */
public final class DateRange {

    public static final LocalDate MIN = LocalDate.of(1900, 1, 1);
    public static final LocalDate MAX = LocalDate.of(2100, 12, 31);
    /** The stable code of the field error. */
    public static final String CODE = "date-out-of-range";

    private DateRange() {
    }

    public static boolean contains(LocalDate date) {
        return date == null || (!date.isBefore(MIN) && !date.isAfter(MAX));
    }
}

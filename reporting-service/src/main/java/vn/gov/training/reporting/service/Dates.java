package vn.gov.training.reporting.service;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Dates as Vietnamese readers write them. */
public final class Dates {

    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Dates() {
    }

    public static String vn(LocalDate date) {
        return date == null ? "" : VN.format(date);
    }
}

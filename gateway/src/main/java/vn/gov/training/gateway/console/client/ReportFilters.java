package vn.gov.training.gateway.console.client;

import java.time.LocalDate;

/** The filters a report of reporting-service takes; those left null are not sent (the report's default applies). */
public record ReportFilters(String unit, LocalDate from, LocalDate to, LocalDate at, LocalDate compareTo,
        Integer year, String staffCategory) {

    public static ReportFilters between(String unit, LocalDate from, LocalDate to) {
        return new ReportFilters(unit, from, to, null, null, null, null);
    }

    public static ReportFilters on(String unit, LocalDate at) {
        return new ReportFilters(unit, null, null, at, null, null, null);
    }

    public static ReportFilters of(String unit, int year) {
        return new ReportFilters(unit, null, null, null, null, year, null);
    }
}

package vn.gov.training.course.service;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import vn.gov.training.course.domain.FundingSource;
import vn.gov.training.course.domain.Location;

/**
 * The details of a class that a user enters. Funding is either one {@code fundingSource} (100 %) or a
 * {@code funding} split; {@code sessions} null keeps the sessions a class has. The shape of each field is checked
 * where it comes in; the rules that span fields are the service's.
 */
public record ClassFields(String code, UUID programId, String institutionCode, String organisingUnitCode,
                          Location location, String country, String venue, LocalDate startDate, LocalDate endDate,
                          Integer capacity, Integer minCapacity, LocalDate registrationOpensOn,
                          LocalDate registrationClosesOn, Long costPerLearnerVnd, FundingSource fundingSource,
                          List<Funding> funding, List<Session> sessions) {

    public record Funding(FundingSource source, Integer percent) {
    }

    /** A session; one that keeps its {@code sessionId} keeps it in calendars and attendance. */
    public record Session(UUID sessionId, LocalDate date, LocalTime startTime, LocalTime endTime, String topic,
                          String lecturer) {
    }
}

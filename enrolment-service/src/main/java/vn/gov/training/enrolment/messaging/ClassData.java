package vn.gov.training.enrolment.messaging;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import vn.gov.training.enrolment.domain.Refs;

/** The fields of course-service's {@code class.*} events this service uses, with the programme snapshot. */
public record ClassData(UUID classId, String code, Refs.Program program, String institutionCode,
                        String institutionName,
                        String organisingUnitCode, String location, String country, String venue, LocalDate startDate,
                        LocalDate endDate, Integer capacity, Integer minCapacity, LocalDate registrationOpensOn,
                        LocalDate registrationClosesOn, Long costPerLearnerVnd, List<Refs.Funding> funding,
                        String status, List<Refs.Session> sessions) {
}

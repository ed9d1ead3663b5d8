package vn.gov.training.enrolment.service;

import java.time.LocalDate;
import java.util.UUID;

/** What a nomination says (quyết định cử đi học). {@code historical}: back-filling a past class (province only). */
public record Nomination(UUID personnelId, UUID classId, String nominatingUnitCode, String decisionNumber,
                         LocalDate decisionDate, String fundingSource, Long fundingAmountVnd, String justification,
                         String note, boolean historical) {
}

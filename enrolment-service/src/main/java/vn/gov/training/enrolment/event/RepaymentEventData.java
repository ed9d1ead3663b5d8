package vn.gov.training.enrolment.event;

import java.time.LocalDate;
import java.util.UUID;

/** Data of {@code vn.gov.training.repayment.decided.v1} (topic {@code enrolment}, key = enrolment id). */
public record RepaymentEventData(UUID caseId, UUID commitmentId, UUID enrolmentId, UUID personnelId, long amountVnd,
                                 String status, String decisionNumber, LocalDate decidedOn) {
}

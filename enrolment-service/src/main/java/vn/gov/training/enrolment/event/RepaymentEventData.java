package vn.gov.training.enrolment.event;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Data of {@code vn.gov.training.repayment.decided.v1} and {@code vn.gov.training.repayment.paid.v1} (topic
 * {@code enrolment}, key = enrolment id): the repayment case as it is after the decision or the payment.
 */
public record RepaymentEventData(UUID caseId, UUID commitmentId, UUID enrolmentId, UUID personnelId, long amountVnd,
                                 String status, String decisionNumber, LocalDate decidedOn, LocalDate paidOn) {
}

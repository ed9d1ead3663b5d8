package vn.gov.training.enrolment.rest;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.gov.training.enrolment.domain.RepaymentCase;

/** A repayment case as the API shows it: the properties the entity had, by the same names and types. */
@Schema(name = "RepaymentCase")
public record RepaymentCaseView(UUID id, UUID commitmentId, UUID enrolmentId, UUID personnelId, String cause,
                                long costVnd, Integer servedMonths, Integer unservedMonths, long computedVnd,
                                long amountVnd, String status, String exemption, String decisionNumber,
                                LocalDate decidedOn, LocalDate paidOn, LocalDate openedOn, String note) {

    public static RepaymentCaseView of(RepaymentCase r) {
        return new RepaymentCaseView(r.id, r.commitmentId, r.enrolmentId, r.personnelId, r.cause, r.costVnd,
                r.servedMonths, r.unservedMonths, r.computedVnd, r.amountVnd, r.status, r.exemption, r.decisionNumber,
                r.decidedOn, r.paidOn, r.openedOn, r.note);
    }
}

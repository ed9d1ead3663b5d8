package vn.gov.training.enrolment.rest;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.gov.training.enrolment.domain.Commitment;

/** A service commitment as the API shows it: the properties the entity had, by the same names and types. */
@Schema(name = "Commitment")
public record CommitmentView(UUID id, UUID enrolmentId, UUID personnelId, String ruleSetCode, LocalDate startsOn,
                             LocalDate endsOn, int months, long costVnd, String status, LocalDate breachedOn,
                             LocalDate closedOn, String closedReason) {

    public static CommitmentView of(Commitment c) {
        return new CommitmentView(c.id, c.enrolmentId, c.personnelId, c.ruleSetCode, c.startsOn, c.endsOn, c.months,
                c.costVnd, c.status, c.breachedOn, c.closedOn, c.closedReason);
    }
}

package vn.gov.training.enrolment.service;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.enrolment.domain.ClassCopy;
import vn.gov.training.enrolment.domain.Enrolment;
import vn.gov.training.enrolment.domain.EnrolmentStatus;
import vn.gov.training.enrolment.domain.PersonCopy;
import vn.gov.training.platform.time.ProvinceTime;

/**
 * A person left the service: their live enrolments are withdrawn (training already under way counts as a drop-out,
 * or a dismissal, repaid in full when covered) and their running commitments are breached (repaid pro rata). Death
 * and retirement owe nothing: enrolments are withdrawn without a repayment case and commitments are released.
 */
@ApplicationScoped
public class PersonDeparture {

    private final EnrolmentService enrolments;
    private final CommitmentService commitments;

    PersonDeparture(EnrolmentService enrolments, CommitmentService commitments) {
        this.enrolments = enrolments;
        this.commitments = commitments;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void left(PersonCopy person, String actor) {
        LocalDate leftOn = person.leftOn != null ? person.leftOn : ProvinceTime.today();
        List<Enrolment> live = Enrolment.list("personnelId = ?1 and status in ?2", person.personnelId,
                List.of(EnrolmentStatus.NOMINATED, EnrolmentStatus.WAITLISTED, EnrolmentStatus.APPROVED,
                        EnrolmentStatus.IN_PROGRESS));
        for (Enrolment e : live) {
            ClassCopy cls = enrolments.lockClassOf(e.id);
            boolean owesNothing = person.leftReason != null
                    && CommitmentService.RELEASING_DEPARTURES.contains(person.leftReason);
            String repaymentCause = owesNothing ? null
                    : "DISMISSED".equals(person.leftReason) ? "DISMISSED" : "DROPPED_OUT";
            enrolments.withdrawLocked(e, cls, "person-left", leftOn, actor, repaymentCause);
        }
        commitments.personLeft(person.personnelId, leftOn, person.leftReason, actor);
    }
}

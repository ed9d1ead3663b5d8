package vn.gov.training.enrolment.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.enrolment.domain.ClassCopy;
import vn.gov.training.enrolment.domain.Enrolment;
import vn.gov.training.enrolment.domain.EnrolmentStatus;
import vn.gov.training.enrolment.domain.PersonCopy;

/** The public check of a credential number: the completed enrolment that issued it, its holder and its class. */
@ApplicationScoped
public class CredentialChecks {

    /** A credential the system issued; {@code holderName} and {@code cls} are null when the copies are missing. */
    public record Issued(Enrolment enrolment, String holderName, ClassCopy cls) {
    }

    public Optional<Issued> find(String number) {
        Enrolment e = Enrolment.find("credentialNumber = ?1 and status = ?2", number, EnrolmentStatus.COMPLETED)
                .firstResult();
        if (e == null) {
            return Optional.empty();
        }
        PersonCopy person = PersonCopy.findById(e.personnelId);
        ClassCopy cls = ClassCopy.findById(e.classId);
        return Optional.of(new Issued(e, person == null ? null : person.fullName, cls));
    }
}

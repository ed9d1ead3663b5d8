package vn.gov.training.personnel.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.personnel.domain.Person;
import vn.gov.training.personnel.domain.Rating;
import vn.gov.training.personnel.domain.RatingValue;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.time.ProvinceTime;

/** Yearly evaluations: one per person and year, set (and corrected) with PUT. */
@ApplicationScoped
public class RatingService {

    private final PersonAccess access;
    private final AuditTrail audit;
    private final PersonnelEvents events;
    private final PersonValidator validator;

    RatingService(PersonAccess access, AuditTrail audit, PersonnelEvents events, PersonValidator validator) {
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.validator = validator;
    }

    /** The yearly ratings of a person the caller may read. */
    public List<Rating> ofPerson(UUID personId) {
        Person p = access.readable(personId);
        return Rating.of(p.id);
    }

    @Transactional
    public Rating set(UUID personId, int year, RatingValue value) {
        Person p = access.writable(personId);
        if (value == null) {
            throw ProblemException.invalid(List.of(validator.error("rating", "required")));
        }
        if (year < 1990 || year > ProvinceTime.today().getYear()) {
            throw ProblemException.invalid(List.of(validator.error("year", "year-invalid")));
        }
        Rating r = Rating.of(p.id, year);
        String before = r == null ? null : r.rating.name();
        if (r == null) {
            r = new Rating();
            r.personId = p.id;
            r.year = year;
            r.rating = value;
            r.persist();
        } else if (r.rating == value) {
            return r;
        }
        r.rating = value;
        audit.record(PersonnelService.AUDIT_TYPE, p.id, "rating-set", before == null ? null : new YearRating(year, before),
                new YearRating(year, value.name()));
        events.publish("updated", p, LocalDate.of(year, 12, 31));
        return r;
    }

    private record YearRating(int year, String rating) {
    }
}

package vn.gov.training.personnel.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.personnel.domain.Person;
import vn.gov.training.personnel.domain.Rating;
import vn.gov.training.personnel.domain.RatingValue;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.problem.FieldError;
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
        List<FieldError> errors = validate(year, value);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
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

    /** A year's rating to set (an import's row: either may be missing). */
    public record NewRating(Integer year, RatingValue rating) {
    }

    /** A rating's checks: one is given, for a year from 1990 to this one. */
    public List<FieldError> validate(Integer year, RatingValue value) {
        List<FieldError> errors = new ArrayList<>();
        if (value == null) {
            errors.add(validator.error("rating", "required"));
        }
        if (year == null || year < 1990 || year > ProvinceTime.today().getYear()) {
            errors.add(validator.error("year", "year-invalid"));
        }
        return errors;
    }

    /** What the audit trail records of a rating: before (none for a new one) and after. */
    record YearRating(int year, String rating) {
    }
}

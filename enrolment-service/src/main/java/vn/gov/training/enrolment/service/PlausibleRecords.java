package vn.gov.training.enrolment.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.enrolment.domain.ClassCopy;
import vn.gov.training.platform.problem.FieldError;
import vn.gov.training.platform.problem.Messages;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.ScopeUnit;
import vn.gov.training.platform.time.ProvinceTime;

/**
 * Records that cannot be true are refused before anything is written: a result on a class that has not started, a
 * result, completion or credential dated in the future (province time) or before the class started, a return report
 * before the return, a quota for a unit that does not exist or above the class's capacity, a funding amount above
 * the class's cost. Each refusal is a 400 with field errors naming the request's fields.
 */
@ApplicationScoped
public class PlausibleRecords {

    private final Messages messages;

    PlausibleRecords(Messages messages) {
        this.messages = messages;
    }

    /** The errors found so far; {@link #check()} throws them all at once. */
    public final class Check {

        private final ClassCopy cls;
        private final LocalDate today = ProvinceTime.today();
        private final List<FieldError> errors = new ArrayList<>();

        private Check(ClassCopy cls) {
            this.cls = cls;
        }

        /**
         * Exams and results need a class that has started: its copy IN_PROGRESS or COMPLETED and its start date
         * not in the future. Reported on {@code field}, the record's date.
         */
        public Check classStarted(String field) {
            boolean started = ("IN_PROGRESS".equals(cls.status) || "COMPLETED".equals(cls.status))
                    && (cls.startDate == null || !cls.startDate.isAfter(today));
            if (!started) {
                errors.add(messages.fieldError(field, "class-not-started", cls.code,
                        cls.startDate == null ? "?" : cls.startDate));
            }
            return this;
        }

        /** {@code date} (if given) is not after today. */
        public Check notFuture(String field, LocalDate date) {
            if (date != null && date.isAfter(today)) {
                errors.add(messages.fieldError(field, "date-in-future", today));
            }
            return this;
        }

        /** {@code date} (if given) is neither after today nor before the class's start date. */
        public Check duringOrAfterClass(String field, LocalDate date) {
            notFuture(field, date);
            if (date != null && cls.startDate != null && date.isBefore(cls.startDate)) {
                errors.add(messages.fieldError(field, "date-before-class-start", cls.startDate));
            }
            return this;
        }

        /** {@code later} (if given) is not before {@code earlier} (if known). */
        public Check notBefore(String field, LocalDate later, LocalDate earlier, String earlierCode) {
            if (later != null && earlier != null && later.isBefore(earlier)) {
                errors.add(messages.fieldError(field, earlierCode, earlier));
            }
            return this;
        }

        /** {@code value} is given when {@code dependent} is (a report needs a return date, stored or sent with it). */
        public Check requiredWith(String field, Object value, Object dependent) {
            if (dependent != null && value == null) {
                errors.add(messages.fieldError(field, "required"));
            }
            return this;
        }

        /**
         * A unit's quota in the class: the unit exists (this service's copy of the units, fed by personnel's events)
         * and the seats do not exceed the class's capacity.
         */
        public Check quota(String unitField, String unitCode, String seatsField, Integer seats) {
            if (unitCode == null || ScopeUnit.findById(unitCode) == null) {
                errors.add(messages.fieldError(unitField, "unit-unknown", unitCode));
            }
            if (seats != null && seats > cls.capacity) {
                errors.add(messages.fieldError(seatsField, "quota-above-capacity", cls.capacity));
            }
            return this;
        }

        /** The amount a source funds for one learner is not more than the class's cost per learner. */
        public Check fundingAmount(String field, Long amount) {
            if (amount != null && cls.costPerLearnerVnd != null && amount > cls.costPerLearnerVnd) {
                errors.add(messages.fieldError(field, "funding-above-cost", cls.costPerLearnerVnd));
            }
            return this;
        }

        /** The errors found so far (a file import reports them per row instead of throwing). */
        public List<FieldError> errors() {
            return List.copyOf(errors);
        }

        /** Throws the errors found, if any. */
        public void check() {
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
        }
    }

    public Check of(ClassCopy cls) {
        return new Check(cls);
    }
}

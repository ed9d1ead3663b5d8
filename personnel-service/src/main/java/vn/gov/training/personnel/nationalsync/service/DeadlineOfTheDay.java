package vn.gov.training.personnel.nationalsync.service;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.function.Function;

import jakarta.transaction.TransactionScoped;

/**
 * The deadline of the deliveries recorded on one day, worked out once per transaction: a consumer's batch records
 * hundreds of deliveries in one transaction, all on the same day, and the working calendar is read once for them.
 */
@TransactionScoped
class DeadlineOfTheDay implements Serializable {

    private LocalDate day;
    private LocalDate deadline;

    LocalDate of(LocalDate recordedOn, Function<LocalDate, LocalDate> workOut) {
        if (!recordedOn.equals(day)) {
            deadline = workOut.apply(recordedOn);
            day = recordedOn;
        }
        return deadline;
    }
}

package vn.gov.training.personnel.nationalsync.domain;

/**
 * Where a delivery stands. PENDING: to be sent (again, after a failed attempt, at {@code nextAttemptAt}); SENT: on its
 * way (the answer has not come back yet); ACCEPTED: the national side took it; REJECTED: the national side refused it
 * with reasons, and it waits for a correction and a re-send; OVERDUE: still to be sent after its deadline (the
 * connector keeps trying).
 */
public enum DeliveryStatus {
    PENDING, SENT, ACCEPTED, REJECTED, OVERDUE
}

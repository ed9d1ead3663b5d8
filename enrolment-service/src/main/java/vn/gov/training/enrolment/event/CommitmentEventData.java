package vn.gov.training.enrolment.event;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Data of {@code vn.gov.training.commitment.{started,breached,released,fulfilled}.v1} (topic {@code enrolment}, key =
 * enrolment id). {@code closedOn} and {@code closedReason} tell when and why a commitment ended (null while it runs).
 */
public record CommitmentEventData(UUID commitmentId, UUID enrolmentId, UUID personnelId, LocalDate startsOn,
                                  LocalDate endsOn, int months, long costVnd, String status, LocalDate closedOn,
                                  String closedReason) {
}

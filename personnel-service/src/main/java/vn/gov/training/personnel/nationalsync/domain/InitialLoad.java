package vn.gov.training.personnel.nationalsync.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An initial load of the national sync: every person in the register gets the deliveries their national file lacks
 * (PERSON, each LEVEL), batch by batch in id order. {@code processedPeople}, {@code deliveriesCreated} and
 * {@code lastPersonId} are committed with each batch, so the progress shown is true at every moment and a restart
 * continues after the last person done. At most one load is RUNNING.
 */
@Entity
@Table(name = "national_initial_load")
public class InitialLoad extends PanacheEntityBase {

    public enum Status {
        RUNNING, COMPLETED
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "started_at", nullable = false)
    public OffsetDateTime startedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    /** People in the register when the load started. */
    @Column(name = "total_people", nullable = false)
    public int totalPeople;

    @Column(name = "processed_people", nullable = false)
    public int processedPeople;

    @Column(name = "deliveries_created", nullable = false)
    public int deliveriesCreated;

    @Column(name = "last_person_id")
    public UUID lastPersonId;

    @Column(name = "heartbeat_at")
    public OffsetDateTime heartbeatAt;
}

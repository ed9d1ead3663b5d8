package vn.gov.training.personnel.nationalsync.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.hibernate.annotations.DynamicUpdate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One change of a person's national file: a section as it was when the change was recorded ({@code content}, the
 * national fields made by {@code NationalFileFormat}), due by {@code deadline} (3 working days after
 * {@code recordedOn}). A person's deliveries go in {@code sequence} order. An update sets only the columns that
 * changed: a delivery changes state twice on its way and its content never. The deliveries not ACCEPTED are also
 * rows of {@code national_delivery_open} (sequence, person), kept by the database's triggers, so that no index of this
 * table depends on the state and a change of state is a HOT update (migration V13).
 */
@Entity
@DynamicUpdate
@Table(name = "national_delivery")
public class NationalDelivery extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    /**
     * Filled by the database (a sequence) at the insert and not read back into the new entity: reading it back would
     * send every insert on its own, outside the JDBC batches. Those who order by it read it from the table.
     */
    @Column(insertable = false, updatable = false)
    public Long sequence;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FileSection section;

    /** Which entry of the section: "person", the qualification id, the enrolment id. */
    @Column(name = "section_key", nullable = false)
    public String sectionKey;

    @Column(nullable = false)
    public String content;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;

    /** 1, and one more at each re-send after a rejection. */
    @Column(nullable = false)
    public int revision;

    @Column(name = "recorded_on", nullable = false)
    public LocalDate recordedOn;

    @Column(nullable = false)
    public LocalDate deadline;

    /** When the deadline passed with the delivery not accepted (kept once accepted: it was late). */
    @Column(name = "overdue_at")
    public OffsetDateTime overdueAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public OffsetDateTime nextAttemptAt;

    @Column(name = "last_attempt_at")
    public OffsetDateTime lastAttemptAt;

    /** Why the last attempt did not get an answer (connection refused, 503, timeout...). */
    @Column(name = "last_error")
    public String lastError;

    /** The national side's reasons (JSON array of {field, code, message}) of the last rejection. */
    public String rejection;

    @Column
    public String receipt;

    @Column(name = "accepted_at")
    public OffsetDateTime acceptedAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}

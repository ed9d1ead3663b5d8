package vn.gov.training.platform.web;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The stored outcome of a write made with an {@code Idempotency-Key}, replayed when the client retries. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord extends PanacheEntityBase {

    @Id
    @Column(name = "record_key")
    public String key;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(nullable = false)
    public int status;

    @Column(columnDefinition = "text")
    public String body;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}

package vn.gov.training.course.domain;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A programme of the catalogue: its identity and status; its content is in {@link ProgramVersion}s. */
@Entity
@Table(name = "program")
public class Program extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProgramStatus status;

    /** Optimistic lock: a change made from a stale copy fails (409 concurrent-modification). */
    @Version
    @Column(name = "lock_version", nullable = false)
    public long lockVersion;

    @Column(name = "current_version", nullable = false)
    public int currentVersion;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(name = "retired_at")
    public OffsetDateTime retiredAt;

    public static Optional<Program> byCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public ProgramVersion current() {
        return ProgramVersion.of(id, currentVersion).orElseThrow();
    }
}

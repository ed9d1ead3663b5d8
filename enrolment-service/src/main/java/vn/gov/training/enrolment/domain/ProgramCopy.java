package vn.gov.training.enrolment.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** This service's copy of a catalogue programme (its current version), from course-service's {@code program.*} events. */
@Entity
@Table(name = "program_copy")
public class ProgramCopy extends PanacheEntityBase {

    @Id
    @Column(name = "program_id")
    public UUID programId;

    @Column(nullable = false)
    public String code;

    public String category;

    public String level;

    @Column(nullable = false)
    public String status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Refs.Program program;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}

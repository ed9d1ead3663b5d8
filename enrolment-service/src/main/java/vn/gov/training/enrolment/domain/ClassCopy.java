package vn.gov.training.enrolment.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * This service's copy of a class with the programme as of the version it uses, from {@code course} events. The
 * row is also the lock that serialises approvals of one class, so approved seats never exceed the capacity.
 */
@Entity
@Table(name = "class_copy")
public class ClassCopy extends PanacheEntityBase {

    @Id
    @Column(name = "class_id")
    public UUID classId;

    @Column(nullable = false)
    public String code;

    @Column(name = "program_id")
    public UUID programId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Refs.Program program;

    @Column(name = "institution_code")
    public String institutionCode;

    /** The institution's name as the last class event (or, for a historical class, another class) gave it. */
    @Column(name = "institution_name")
    public String institutionName;

    @Column(name = "organising_unit_code")
    public String organisingUnitCode;

    public String location;

    public String country;

    public String venue;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Column(nullable = false)
    public int capacity;

    @Column(name = "min_capacity")
    public Integer minCapacity;

    @Column(name = "registration_opens_on")
    public LocalDate registrationOpensOn;

    @Column(name = "registration_closes_on")
    public LocalDate registrationClosesOn;

    @Column(name = "cost_per_learner_vnd")
    public Long costPerLearnerVnd;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<Refs.Funding> funding = new ArrayList<>();

    @Column(nullable = false)
    public String status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<Refs.Session> sessions = new ArrayList<>();

    /** Created by a history import (no course-service class behind it), not by a course event. */
    @Column(nullable = false)
    public boolean historical;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public boolean isPostgraduate() {
        return program != null && Boolean.TRUE.equals(program.postgraduate());
    }

    public boolean isOverseas() {
        return "OVERSEAS".equals(location) || program != null && Boolean.TRUE.equals(program.overseas());
    }

    /** Whole months of training, at least one; the commitment is a multiple of it. */
    public int trainingMonths() {
        if (startDate == null || endDate == null) {
            return 1;
        }
        long months = ChronoUnit.MONTHS.between(startDate, endDate.plusDays(1));
        return (int) Math.max(1, months);
    }

    public int maxExitExamRetakes() {
        return program == null || program.maxExitExamRetakes() == null ? 0 : program.maxExitExamRetakes();
    }

    public boolean stateFunded() {
        return funding.stream().anyMatch(f -> "STATE_BUDGET".equals(f.source()));
    }
}

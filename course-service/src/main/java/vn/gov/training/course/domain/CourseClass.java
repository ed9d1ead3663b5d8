package vn.gov.training.course.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A class (lớp): one run of a programme, pinned to the programme version it was scheduled with. Category and
 * level are copied from that version so that lists can filter without a join.
 */
@Entity
@Table(name = "course_class")
public class CourseClass extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String code;

    @Column(name = "program_id", nullable = false)
    public UUID programId;

    @Column(name = "program_version", nullable = false)
    public int programVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProgramCategory category;

    public String level;

    @Column(name = "institution_code", nullable = false)
    public String institutionCode;

    @Column(name = "organising_unit_code", nullable = false)
    public String organisingUnitCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Location location;

    @Column(nullable = false)
    public String country;

    public String venue;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    @Column(nullable = false)
    public int capacity;

    @Column(name = "min_capacity", nullable = false)
    public int minCapacity;

    @Column(name = "registration_opens_on", nullable = false)
    public LocalDate registrationOpensOn;

    @Column(name = "registration_closes_on", nullable = false)
    public LocalDate registrationClosesOn;

    @Column(name = "cost_per_learner_vnd", nullable = false)
    public long costPerLearnerVnd;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<FundingShare> funding;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClassStatus status;

    @Column(name = "cancel_reason")
    public String cancelReason;

    /** Optimistic lock: a change made from a stale copy fails (409 concurrent-modification). */
    @Version
    @Column(name = "lock_version", nullable = false)
    public long lockVersion;

    /** Counts changes; the calendar export uses it as the events' SEQUENCE. */
    @Column(nullable = false)
    public int revision;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @OneToMany(mappedBy = "courseClass", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<ClassSession> sessions = new ArrayList<>();

    public static Optional<CourseClass> byCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public boolean isOpenForRegistration(LocalDate today) {
        return status == ClassStatus.OPEN && !today.isBefore(registrationOpensOn)
                && !today.isAfter(registrationClosesOn);
    }
}

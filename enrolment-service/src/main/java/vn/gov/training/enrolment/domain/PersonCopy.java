package vn.gov.training.enrolment.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
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

/** This service's copy of a person, from {@code personnel} events: only what eligibility and fit need. */
@Entity
@Table(name = "person_copy")
public class PersonCopy extends PanacheEntityBase {

    @Id
    @Column(name = "personnel_id")
    public UUID personnelId;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    @Column(name = "search_name", nullable = false)
    public String searchName;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    public String category;

    @Column(name = "org_unit_code")
    public String orgUnitCode;

    @Column(name = "job_position_code")
    public String jobPositionCode;

    @Column(name = "title_code")
    public String titleCode;

    @Column(name = "rank_code")
    public String rankCode;

    @Column(name = "management_tier")
    public String managementTier;

    @Column(name = "started_service_on")
    public LocalDate startedServiceOn;

    @Column(nullable = false)
    public String status;

    @Column(name = "left_on")
    public LocalDate leftOn;

    @Column(name = "left_reason")
    public String leftReason;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<Refs.Qualification> qualifications = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<Refs.Rating> ratings = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "planned_titles", nullable = false, columnDefinition = "jsonb")
    public List<Refs.PlannedTitle> plannedTitles = new ArrayList<>();

    /** The keyed digest of the national ID (platform {@code NationalIdDigest}); null from events older than it. */
    @Column(name = "national_id_digest")
    public String nationalIdDigest;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** The work e-mail address (personnel events since issue 15), where the person's notifications go; may be null. */
    public String email;

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }
}

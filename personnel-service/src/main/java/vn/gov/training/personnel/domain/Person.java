package vn.gov.training.personnel.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import vn.gov.training.platform.text.VietnameseText;

/** A staff record (hồ sơ cán bộ, công chức, viên chức). Never deleted: a person who leaves keeps status LEFT. */
@Entity
@Table(name = "person")
public class Person extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "national_id", nullable = false)
    public String nationalId;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    @Column(name = "search_name", nullable = false)
    public String searchName;

    @Column(name = "sort_key", nullable = false)
    public byte[] sortKey;

    @Column(name = "date_of_birth", nullable = false)
    public LocalDate dateOfBirth;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Gender gender;

    public String ethnicity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StaffCategory category;

    @Column(name = "org_unit_code", nullable = false)
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

    public String email;

    public String phone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PersonStatus status;

    @Column(name = "left_on")
    public LocalDate leftOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "left_reason")
    public LeftReason leftReason;

    @Column(name = "account_username")
    public String accountUsername;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public void rename(String name) {
        fullName = VietnameseText.normalize(name);
        searchName = VietnameseText.fold(fullName);
        sortKey = VietnameseText.nameSortKey(fullName);
    }

    public static Person byNationalId(String nationalId) {
        return find("nationalId", nationalId).firstResult();
    }
}

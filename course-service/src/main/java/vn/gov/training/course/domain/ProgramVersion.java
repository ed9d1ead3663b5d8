package vn.gov.training.course.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import vn.gov.training.platform.text.VietnameseText;

/**
 * The content of one version of a programme. A draft's only version is edited in place; once the programme is
 * published its versions are frozen and a change adds the next one.
 */
@Entity
@Table(name = "program_version")
public class ProgramVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "program_id", nullable = false)
    public UUID programId;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String name;

    @Column(name = "search_name", nullable = false)
    public String searchName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProgramCategory category;

    public String level;

    /** Length in periods (tiết, 45 minutes). */
    public Integer periods;

    public Integer days;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_mode", nullable = false)
    public DeliveryMode deliveryMode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Credential credential;

    @Column(name = "grants_kind")
    public String grantsKind;

    @Column(name = "grants_level")
    public String grantsLevel;

    /** How many periods count toward each learner's yearly retraining minimum. */
    @Column(name = "yearly_minimum_periods", nullable = false)
    public int yearlyMinimumPeriods;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "target_groups", nullable = false)
    public TargetGroups targetGroups;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<LevelRef> prerequisites;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "required_rank_codes", nullable = false)
    public List<String> requiredRankCodes;

    @Column(nullable = false)
    public boolean postgraduate;

    @Column(nullable = false)
    public boolean overseas;

    @Column(name = "max_exit_exam_retakes", nullable = false)
    public int maxExitExamRetakes;

    @Column(columnDefinition = "text")
    public String description;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    public void rename(String newName) {
        name = VietnameseText.normalize(newName);
    }

    /** The search key: name and code, folded (no case, no diacritics). */
    public void refreshSearchKey(String code) {
        searchName = VietnameseText.fold(name + " " + code);
    }

    /** Whether the other version says the same (its number, identity and creation time aside). */
    public boolean sameContent(ProgramVersion o) {
        return Objects.equals(name, o.name) && category == o.category && Objects.equals(level, o.level)
                && Objects.equals(periods, o.periods) && Objects.equals(days, o.days) && deliveryMode == o.deliveryMode
                && credential == o.credential && Objects.equals(grantsKind, o.grantsKind)
                && Objects.equals(grantsLevel, o.grantsLevel) && yearlyMinimumPeriods == o.yearlyMinimumPeriods
                && Objects.equals(targetGroups, o.targetGroups) && Objects.equals(prerequisites, o.prerequisites)
                && Objects.equals(requiredRankCodes, o.requiredRankCodes) && postgraduate == o.postgraduate
                && overseas == o.overseas && maxExitExamRetakes == o.maxExitExamRetakes
                && Objects.equals(description, o.description);
    }

    public LevelRef grants() {
        return grantsKind == null ? null : new LevelRef(grantsKind, grantsLevel);
    }

    public static Optional<ProgramVersion> of(UUID programId, int version) {
        return find("programId = ?1 and version = ?2", programId, version).firstResultOptional();
    }

    public static List<ProgramVersion> history(UUID programId) {
        return list("programId = ?1 order by version", programId);
    }
}

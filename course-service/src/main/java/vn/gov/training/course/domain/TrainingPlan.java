package vn.gov.training.course.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The annual training plan of an organising unit: classes and learners planned by category and level. */
@Entity
@Table(name = "training_plan")
public class TrainingPlan extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public int year;

    @Column(name = "org_unit_code", nullable = false)
    public String orgUnitCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<PlanItem> items;

    public String note;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public static Optional<TrainingPlan> of(int year, String orgUnitCode) {
        return find("year = ?1 and orgUnitCode = ?2", year, orgUnitCode).firstResultOptional();
    }
}

package vn.gov.training.personnel.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A person planned for a title in a unit for a term (quy hoạch). A failed or abandoned course raises
 * {@code reviewFlag}; taking the person out of the plan stays a human decision.
 */
@Entity
@Table(name = "succession_plan")
public class SuccessionPlan extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(name = "title_code", nullable = false)
    public String titleCode;

    @Column(name = "org_unit_code", nullable = false)
    public String orgUnitCode;

    @Column(name = "term_start", nullable = false)
    public int termStart;

    @Column(name = "term_end", nullable = false)
    public int termEnd;

    @Column(name = "decision_number")
    public String decisionNumber;

    @Column(name = "decision_date")
    public LocalDate decisionDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanStatus status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "review_flag", nullable = false)
    public boolean reviewFlag;

    @Column(name = "review_reason")
    public String reviewReason;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public static List<SuccessionPlan> of(UUID personId) {
        return list("personId = ?1 order by termStart, createdAt", personId);
    }

    /** As {@link #of(UUID)} for many people with one query: each person's plans (none: no entry). */
    public static Map<UUID, List<SuccessionPlan>> ofAll(Collection<UUID> personIds) {
        return SuccessionPlan.<SuccessionPlan>list("personId in ?1 order by personId, termStart, createdAt", personIds)
                .stream().collect(Collectors.groupingBy(s -> s.personId, LinkedHashMap::new, Collectors.toList()));
    }
}

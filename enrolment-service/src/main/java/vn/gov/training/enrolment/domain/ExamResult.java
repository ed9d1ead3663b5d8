package vn.gov.training.enrolment.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One sitting of an entry or exit exam. */
@Entity
@Table(name = "exam_result")
public class ExamResult extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "enrolment_id", nullable = false)
    public UUID enrolmentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ExamKind kind;

    @Column(nullable = false)
    public int attempt;

    public BigDecimal score;

    @Column(nullable = false)
    public boolean passed;

    @Column(name = "taken_on", nullable = false)
    public LocalDate takenOn;

    public static List<ExamResult> of(UUID enrolmentId) {
        return list("enrolmentId = ?1 order by kind, attempt", enrolmentId);
    }
}

package vn.gov.training.personnel.domain;

import java.time.LocalDate;
import java.util.List;

import org.hibernate.jpa.HibernateHints;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A level that holders of a title or job position need, from {@code validFrom} until {@code validTo}. */
@Entity
@Table(name = "standard")
public class Standard extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "role_type", nullable = false)
    public RoleType roleType;

    @Column(name = "role_code", nullable = false)
    public String roleCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public QualificationKind kind;

    @Column(nullable = false)
    public String level;

    /** Applies only to this staff category; null for all. */
    public String category;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    /**
     * The standards valid on {@code date}. Read without flushing the session first: no transaction writes standards
     * and then reads them this way, and before each such query the flush checked every entity of a consumer's batch
     * for changes (the planned-title gaps of each person event of the batch).
     */
    public static List<Standard> on(RoleType type, String code, LocalDate date) {
        return Standard.<Standard>find("roleType = ?1 and roleCode = ?2 and validFrom <= ?3"
                        + " and (validTo is null or validTo > ?3) order by kind, id", type, code, date)
                .withHint(HibernateHints.HINT_FLUSH_MODE, FlushModeType.COMMIT).list();
    }

    public static List<Standard> all(RoleType type, String code) {
        return list("roleType = ?1 and roleCode = ?2 order by validFrom, kind, id", type, code);
    }
}

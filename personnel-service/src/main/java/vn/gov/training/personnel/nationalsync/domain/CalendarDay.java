package vn.gov.training.personnel.nationalsync.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A day that differs from the rule "Monday to Friday are working days": a public holiday or compensatory day off
 * ({@code HOLIDAY}) or a Saturday worked in exchange ({@code WORKING_DAY}).
 */
@Entity
@Table(name = "working_calendar_day")
public class CalendarDay extends PanacheEntityBase {

    public enum Kind {
        HOLIDAY, WORKING_DAY
    }

    @Id
    public LocalDate day;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public String name;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public static List<CalendarDay> between(LocalDate from, LocalDate to) {
        return list("day >= ?1 and day <= ?2 order by day", from, to);
    }
}

package vn.gov.training.personnel.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Where a person worked from {@code validFrom} until {@code validTo} (exclusive): the unit history. */
@Entity
@Table(name = "person_assignment")
public class PersonAssignment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(name = "org_unit_code", nullable = false)
    public String orgUnitCode;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    /** HIRED, TRANSFER, UNIT_MERGED, CORRECTION */
    @Column(nullable = false)
    public String reason;

    public static List<PersonAssignment> history(UUID personId) {
        return list("personId = ?1 order by validFrom, id", personId);
    }

    public static PersonAssignment open(UUID personId, String unit, LocalDate from, String reason) {
        PersonAssignment a = new PersonAssignment();
        a.personId = personId;
        a.orgUnitCode = unit;
        a.validFrom = from;
        a.reason = reason;
        a.persist();
        return a;
    }

    public static PersonAssignment current(UUID personId) {
        return find("personId = ?1 and validTo is null order by validFrom desc", personId).firstResult();
    }
}

package vn.gov.training.personnel.domain;

import java.time.LocalDate;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A job position (vị trí việc làm) of a unit: what the holder actually does. */
@Entity
@Table(name = "job_position")
public class JobPosition extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    /** The unit whose position it is; null: a position every unit may use. */
    @Column(name = "org_unit_code")
    public String orgUnitCode;

    /** The positions a holder in the unit may have on the date: every unit's, the unit's and its ancestors'. */
    public static List<JobPosition> availableIn(String unit, LocalDate on) {
        return list("orgUnitCode in ?1 or orgUnitCode is null order by code", OrgUnitVersion.lineOn(unit, on));
    }

    public boolean servesUnit(String unit, LocalDate on) {
        return orgUnitCode == null || OrgUnitVersion.lineOn(unit, on).contains(orgUnitCode);
    }
}

package vn.gov.training.personnel.domain;

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

    @Column(name = "org_unit_code")
    public String orgUnitCode;
}

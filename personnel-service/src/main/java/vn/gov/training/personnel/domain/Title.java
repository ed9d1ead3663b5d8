package vn.gov.training.personnel.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A leadership or management title (chức danh, chức vụ). */
@Entity
@Table(name = "title")
public class Title extends PanacheEntityBase {

    @Id
    public String code;

    public String name;
}

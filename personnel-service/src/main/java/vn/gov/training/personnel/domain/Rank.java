package vn.gov.training.personnel.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A civil-service or public-employee rank (ngạch, hạng chức danh nghề nghiệp). */
@Entity
@Table(name = "rank")
public class Rank extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    /** The staff category the rank belongs to, or null for any. */
    public String category;
}

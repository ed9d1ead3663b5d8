package vn.gov.training.enrolment.domain;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** Optional: at most {@code seats} approved learners of one nominating unit in a class. */
@Entity
@Table(name = "class_unit_quota")
@IdClass(ClassUnitQuota.Key.class)
public class ClassUnitQuota extends PanacheEntityBase {

    @Id
    @Column(name = "class_id")
    public UUID classId;

    @Id
    @Column(name = "org_unit_code")
    public String orgUnitCode;

    @Column(nullable = false)
    public int seats;

    public static class Key implements Serializable {
        public UUID classId;
        public String orgUnitCode;

        public Key() {
        }

        public Key(UUID classId, String orgUnitCode) {
            this.classId = classId;
            this.orgUnitCode = orgUnitCode;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(classId, k.classId) && Objects.equals(orgUnitCode, k.orgUnitCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(classId, orgUnitCode);
        }
    }
}

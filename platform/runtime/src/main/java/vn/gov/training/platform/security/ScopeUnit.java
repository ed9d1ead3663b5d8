package vn.gov.training.platform.security;

import java.time.LocalDate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A service's copy of one organisational unit, kept from {@code org-unit} events for scope checks. */
@Entity
@Table(name = "scope_unit")
public class ScopeUnit extends PanacheEntityBase {

    @Id
    public String code;

    @Column(name = "parent_code")
    public String parentCode;

    public String name;

    public String kind;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;
}

package vn.gov.training.course.domain;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import vn.gov.training.platform.text.VietnameseText;

/** A training institution (Trường Chính trị tỉnh, Học viện, a university, the military command...). */
@Entity
@Table(name = "institution")
public class Institution extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "search_name", nullable = false)
    public String searchName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InstitutionKind kind;

    /** ISO 3166-1 alpha-2, e.g. VN. */
    @Column(nullable = false)
    public String country;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public void rename(String newName) {
        name = VietnameseText.normalize(newName);
        searchName = VietnameseText.fold(newName);
    }
}

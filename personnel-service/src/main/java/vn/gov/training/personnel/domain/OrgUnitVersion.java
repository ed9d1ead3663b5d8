package vn.gov.training.personnel.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import vn.gov.training.platform.text.VietnameseText;

/**
 * One version of an organisational unit: its name, kind and parent from {@code validFrom} until {@code validTo}
 * (exclusive; null while it is the latest). A unit's history is the sequence of its versions.
 */
@Entity
@Table(name = "org_unit_version")
public class OrgUnitVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "search_name", nullable = false)
    public String searchName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrgUnitKind kind;

    @Column(name = "parent_code")
    public String parentCode;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "merged_into")
    public String mergedInto;

    public void rename(String newName) {
        name = VietnameseText.normalize(newName);
        searchName = VietnameseText.fold(newName);
    }

    public boolean isValidOn(LocalDate date) {
        return !validFrom.isAfter(date) && (validTo == null || validTo.isAfter(date));
    }

    /** The version whose period has no end yet: the unit as it is now or will be; empty once closed for good. */
    public static Optional<OrgUnitVersion> latest(String code) {
        return find("code = ?1 and validTo is null", code).firstResultOptional();
    }

    /** The version valid on {@code date}. */
    public static Optional<OrgUnitVersion> on(String code, LocalDate date) {
        return find("code = ?1 and validFrom <= ?2 and (validTo is null or validTo > ?2)", code, date)
                .firstResultOptional();
    }

    /** The unit and its ancestors on {@code date}, the unit first. */
    public static List<String> lineOn(String code, LocalDate date) {
        List<String> line = new ArrayList<>();
        for (String u = code; u != null && !line.contains(u); u = on(u, date).map(v -> v.parentCode).orElse(null)) {
            line.add(u);
        }
        return line;
    }

    public static List<OrgUnitVersion> allOn(LocalDate date) {
        return list("validFrom <= ?1 and (validTo is null or validTo > ?1) order by code", date);
    }

    public static List<OrgUnitVersion> history(String code) {
        return list("code = ?1 order by validFrom", code);
    }

    public static boolean exists(String code) {
        return find("code", code).firstResult() != null;
    }

    /** A new version starting on {@code from}, copied from this one; this one ends there. */
    public OrgUnitVersion successor(LocalDate from) {
        OrgUnitVersion next = new OrgUnitVersion();
        next.code = code;
        next.name = name;
        next.searchName = searchName;
        next.kind = kind;
        next.parentCode = parentCode;
        next.validFrom = from;
        validTo = from;
        return next;
    }
}

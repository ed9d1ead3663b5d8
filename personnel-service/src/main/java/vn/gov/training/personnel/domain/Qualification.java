package vn.gov.training.personnel.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hibernate.jpa.HibernateHints;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One level a person obtained, with its date and evidence. The history is kept: levels are never overwritten. */
@Entity
@Table(name = "qualification")
public class Qualification extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public QualificationKind kind;

    @Column(nullable = false)
    public String level;

    @Column(name = "awarded_on", nullable = false)
    public LocalDate awardedOn;

    public String institution;

    @Column(name = "credential_number")
    public String credentialNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public QualificationSource source;

    /** For ENROLMENT: the enrolment id, so that one completion grants its level once. */
    @Column(name = "source_ref")
    public String sourceRef;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    public static List<Qualification> of(UUID personId) {
        return list("personId = ?1 order by awardedOn, createdAt", personId);
    }

    /** As {@link #of(UUID)} for many people with one query: each person's qualifications (none: no entry). */
    public static Map<UUID, List<Qualification>> ofAll(Collection<UUID> personIds) {
        return byPerson(ofPeople(personIds).list());
    }

    /**
     * As {@link #ofAll}, read only: a batch that only reads them (and the events it publishes) leaves them out of
     * the checks for changes at every flush.
     */
    public static Map<UUID, List<Qualification>> ofAllToRead(Collection<UUID> personIds) {
        return byPerson(ofPeople(personIds).withHint(HibernateHints.HINT_READ_ONLY, true).list());
    }

    private static PanacheQuery<Qualification> ofPeople(Collection<UUID> personIds) {
        return find("personId in ?1 order by personId, awardedOn, createdAt", personIds);
    }

    private static Map<UUID, List<Qualification>> byPerson(List<Qualification> qualifications) {
        return qualifications.stream()
                .collect(Collectors.groupingBy(q -> q.personId, LinkedHashMap::new, Collectors.toList()));
    }
}

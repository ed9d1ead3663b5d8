package vn.gov.training.personnel.domain;

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
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person's yearly evaluation; eligibility rules (e.g. postgraduate study) read the last years'. */
@Entity
@Table(name = "rating")
public class Rating extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(nullable = false)
    public int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RatingValue rating;

    public static List<Rating> of(UUID personId) {
        return list("personId = ?1 order by year", personId);
    }

    /** As {@link #of(UUID)} for many people with one query: each person's ratings (none: no entry). */
    public static Map<UUID, List<Rating>> ofAll(Collection<UUID> personIds) {
        return byPerson(ofPeople(personIds).list());
    }

    /** As {@link #ofAll}, read only: left out of the checks for changes at every flush. */
    public static Map<UUID, List<Rating>> ofAllToRead(Collection<UUID> personIds) {
        return byPerson(ofPeople(personIds).withHint(HibernateHints.HINT_READ_ONLY, true).list());
    }

    private static PanacheQuery<Rating> ofPeople(Collection<UUID> personIds) {
        return find("personId in ?1 order by personId, year", personIds);
    }

    private static Map<UUID, List<Rating>> byPerson(List<Rating> ratings) {
        return ratings.stream().collect(Collectors.groupingBy(r -> r.personId, LinkedHashMap::new, Collectors.toList()));
    }

    public static Rating of(UUID personId, int year) {
        return find("personId = ?1 and year = ?2", personId, year).firstResult();
    }
}

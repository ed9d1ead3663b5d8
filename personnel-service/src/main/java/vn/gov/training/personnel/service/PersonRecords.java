package vn.gov.training.personnel.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import vn.gov.training.personnel.domain.Qualification;
import vn.gov.training.personnel.domain.Rating;
import vn.gov.training.personnel.domain.SuccessionPlan;

/**
 * The qualifications, yearly ratings and succession plans of a batch of people, each kind read with one query and
 * held in the order the one-person reads give ({@link Qualification#of}, {@link Rating#of},
 * {@link SuccessionPlan#of}). A batch that records qualifications adds them here ({@link #added}), so the events it
 * publishes afterwards carry them.
 */
public final class PersonRecords {

    private static final Comparator<Qualification> QUALIFICATION_ORDER =
            Comparator.comparing((Qualification q) -> q.awardedOn).thenComparing(q -> q.createdAt);

    private final Map<UUID, List<Qualification>> qualifications;
    private final Map<UUID, List<Rating>> ratings;
    private final Map<UUID, List<SuccessionPlan>> plans;

    private PersonRecords(Map<UUID, List<Qualification>> qualifications, Map<UUID, List<Rating>> ratings,
                          Map<UUID, List<SuccessionPlan>> plans) {
        this.qualifications = qualifications;
        this.ratings = ratings;
        this.plans = plans;
    }

    /**
     * Reads the records of these people (three queries); the qualifications and ratings read only (a batch adds
     * qualifications but changes none), the plans to change (a failed turn flags them for review).
     */
    public static PersonRecords of(Collection<UUID> people) {
        if (people.isEmpty()) {
            return new PersonRecords(new HashMap<>(), new HashMap<>(), new HashMap<>());
        }
        return new PersonRecords(Qualification.ofAllToRead(people), Rating.ofAllToRead(people),
                SuccessionPlan.ofAll(people));
    }

    public List<Qualification> qualifications(UUID personId) {
        return qualifications.computeIfAbsent(personId, id -> new ArrayList<>());
    }

    public List<Rating> ratings(UUID personId) {
        return ratings.computeIfAbsent(personId, id -> new ArrayList<>());
    }

    public List<SuccessionPlan> plans(UUID personId) {
        return plans.computeIfAbsent(personId, id -> new ArrayList<>());
    }

    /** A qualification just recorded for one of the people, in its place. */
    void added(Qualification q) {
        List<Qualification> held = qualifications(q.personId);
        held.add(q);
        held.sort(QUALIFICATION_ORDER);
    }
}

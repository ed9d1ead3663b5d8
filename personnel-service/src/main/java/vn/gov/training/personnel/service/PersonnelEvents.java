package vn.gov.training.personnel.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.personnel.domain.OrgUnitVersion;
import vn.gov.training.personnel.domain.Person;
import vn.gov.training.personnel.domain.PlanStatus;
import vn.gov.training.personnel.domain.QualificationKind;
import vn.gov.training.personnel.domain.Qualification;
import vn.gov.training.personnel.domain.Rating;
import vn.gov.training.personnel.domain.SuccessionPlan;
import vn.gov.training.personnel.event.OrgUnitEventData;
import vn.gov.training.personnel.event.PersonnelEventData;
import vn.gov.training.personnel.nationalsync.service.NationalChanges;
import vn.gov.training.platform.identity.NationalIdDigest;
import vn.gov.training.platform.outbox.Outbox;
import vn.gov.training.platform.time.ProvinceTime;

/**
 * The one place personnel-service writes to the outbox, in the transaction of the change: a person's full state on
 * the {@code personnel} topic (keyed by the person's id), one by one or an import's batch, and an org unit's state on
 * the {@code org-unit} topic (keyed by the unit's code).
 */
@ApplicationScoped
public class PersonnelEvents {

    private final Outbox outbox;
    private final NationalChanges nationalChanges;

    PersonnelEvents(Outbox outbox, NationalChanges nationalChanges) {
        this.outbox = outbox;
        this.nationalChanges = nationalChanges;
    }

    /** Publishes the change and records what of it the person's national file must carry (national sync). */
    public void publish(String event, Person person, LocalDate effectiveOn) {
        // read once, for the event and for the national file's LEVEL sections
        List<Qualification> held = Qualification.of(person.id);
        outbox.publish(PersonnelEventData.TOPIC, PersonnelEventData.AGGREGATE, person.id.toString(), event,
                data(person, effectiveOn, held, Rating.of(person.id), SuccessionPlan.of(person.id)));
        nationalChanges.personChanged(person, held);
    }

    /**
     * The event of a change of a person of a batch whose records the caller read at once and keeps current. What the
     * change means for the person's national file is the caller's to record (a new level, or nothing).
     */
    public void publish(String event, Person person, LocalDate effectiveOn, PersonRecords records) {
        outbox.publish(PersonnelEventData.TOPIC, PersonnelEventData.AGGREGATE, person.id.toString(), event,
                data(person, effectiveOn, records.qualifications(person.id), records.ratings(person.id),
                        records.plans(person.id)));
    }

    /**
     * As {@link #publish} for each of many people changed by an import, one event each, with the same content: their
     * levels, ratings and plans read with one query each, the events written with one JDBC batch.
     */
    public void publishAll(String event, List<Dated> people) {
        if (people.isEmpty()) {
            return;
        }
        List<UUID> ids = people.stream().map(d -> d.person().id).toList();
        Map<UUID, List<Qualification>> held = Qualification.ofAll(ids);
        Map<UUID, List<Rating>> ratings = Rating.ofAll(ids);
        Map<UUID, List<SuccessionPlan>> plans = SuccessionPlan.ofAll(ids);
        outbox.publishAll(people.stream().map(d -> new Outbox.Outgoing(PersonnelEventData.TOPIC,
                PersonnelEventData.AGGREGATE, d.person().id.toString(), event,
                data(d.person(), d.effectiveOn(), held.getOrDefault(d.person().id, List.of()),
                        ratings.getOrDefault(d.person().id, List.of()),
                        plans.getOrDefault(d.person().id, List.of())))).toList());
        nationalChanges.peopleChanged(people.stream().map(Dated::person).toList(), held);
    }

    /**
     * Publishes {@code registered} for newly imported people, each with the state they were imported with (no
     * levels, ratings nor plans yet) from the date of its entry, with one JDBC batch; their national sync is the
     * import's.
     */
    public void registeredAll(List<Dated> people) {
        outbox.publishAll(people.stream().map(r -> new Outbox.Outgoing(PersonnelEventData.TOPIC,
                PersonnelEventData.AGGREGATE, r.person().id.toString(), "registered",
                registered(r.person(), r.effectiveOn(), List.of(), List.of(), List.of(), List.of()))).toList());
    }

    /** A person and the date from which an event states them (a newly imported person: their first assignment's). */
    public record Dated(Person person, LocalDate effectiveOn) {
    }

    /** Publishes {@code org-unit.<event>}: the unit's state from {@code effectiveOn}, with the date it was established. */
    public void orgUnit(String event, OrgUnitVersion version, LocalDate effectiveOn) {
        LocalDate established = OrgUnitVersion.history(version.code).stream().map(v -> v.validFrom)
                .min(LocalDate::compareTo).orElse(version.validFrom);
        OrgUnitEventData data = new OrgUnitEventData(version.code, version.name, version.kind.name(),
                version.parentCode, established, version.validTo, version.mergedInto, effectiveOn);
        outbox.publish(OrgUnitEventData.TOPIC, OrgUnitEventData.AGGREGATE, version.code, event, data);
    }

    public static PersonnelEventData data(Person p, LocalDate effectiveOn) {
        return data(p, effectiveOn, Qualification.of(p.id), Rating.of(p.id), SuccessionPlan.of(p.id));
    }

    /** The person's state with the levels, ratings and plans they hold (each list in the order of its {@code of}). */
    private static PersonnelEventData data(Person p, LocalDate effectiveOn, List<Qualification> held,
                                           List<Rating> rated, List<SuccessionPlan> succession) {
        List<PersonnelEventData.QualificationData> qualifications = held.stream()
                .map(q -> new PersonnelEventData.QualificationData(q.id, q.kind.name(), q.level, q.awardedOn,
                        q.source.name())).toList();
        List<PersonnelEventData.RatingData> ratings = rated.stream()
                .map(r -> new PersonnelEventData.RatingData(r.year, r.rating.name())).toList();
        List<PersonnelEventData.PlannedTitleData> plans = succession.stream()
                .map(s -> new PersonnelEventData.PlannedTitleData(s.id, s.titleCode, s.orgUnitCode, s.termStart,
                        s.termEnd, s.status.name())).toList();
        return registered(p, effectiveOn, qualifications, ratings, plans, planGaps(p, held, succession));
    }

    /** For each active plan, what its title requires that the person lacks today: the rule of the gaps endpoint. */
    private static List<PersonnelEventData.PlanGapData> planGaps(Person p, List<Qualification> qualifications,
                                                                 List<SuccessionPlan> plans) {
        List<PersonnelEventData.PlanGapData> gaps = new ArrayList<>();
        LocalDate today = ProvinceTime.today();
        Map<QualificationKind, QualificationService.LevelHeld> held = null;
        for (SuccessionPlan plan : plans) {
            if (plan.status != PlanStatus.ACTIVE) {
                continue;
            }
            if (held == null) {
                held = QualificationService.levelsOn(qualifications, today);
            }
            for (QualificationService.Gap gap : QualificationService.plannedTitleGaps(p, plan.titleCode, held,
                    today)) {
                gaps.add(new PersonnelEventData.PlanGapData(plan.id, plan.titleCode, gap.kind().name(),
                        gap.requiredLevel()));
            }
        }
        return gaps;
    }

    private static PersonnelEventData registered(Person p, LocalDate effectiveOn,
                                                 List<PersonnelEventData.QualificationData> qualifications,
                                                 List<PersonnelEventData.RatingData> ratings,
                                                 List<PersonnelEventData.PlannedTitleData> plans,
                                                 List<PersonnelEventData.PlanGapData> planGaps) {
        return new PersonnelEventData(p.id, p.fullName, p.gender.name(), p.ethnicity, p.dateOfBirth,
                p.category.name(), p.orgUnitCode, p.jobPositionCode, p.titleCode, p.rankCode, p.managementTier,
                p.startedServiceOn, p.status.name(), p.leftOn, p.leftReason == null ? null : p.leftReason.name(),
                effectiveOn, qualifications, ratings, plans, planGaps, NationalIdDigest.of(p.nationalId), p.email);
    }
}

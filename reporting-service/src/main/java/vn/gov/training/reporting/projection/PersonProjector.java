package vn.gov.training.reporting.projection;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;

import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.platform.event.EventEnvelope;
import vn.gov.training.platform.event.EventReader;
import vn.gov.training.platform.event.PoisonEventException;
import vn.gov.training.reporting.projection.ConsumedEvents.Personnel;
import vn.gov.training.reporting.projection.ConsumedEvents.PlanGap;

/**
 * People as they are now, their history (unit, category, status, title and rank from the effectiveOn of the events
 * that change them, {@link PersonHistory}), their qualifications, the levels they lack for a planned title, and the
 * qualification-stock intervals derived from history and qualifications. The enrolments of a person whose gender,
 * ethnicity or leader flag changed are re-counted, so the result does not depend on which topic is read first.
 * <p>
 * A batch of events is applied with a handful of statements, whatever its size: every roll-up a person counts in
 * (gaps, staff, stock, training turns) takes the batch's people out before they change and puts them in afterwards,
 * and the tables of what a person is now are written from each person's last event. Since every derived row is a
 * function of those tables, several events of one person in a batch give what they give one by one.
 */
@ApplicationScoped
public class PersonProjector {

    private static final String VERSION = """
            insert into person_version (personnel_id, effective_from, unit_code, category, status, title_code,
                rank_code) values (?, ?, ?, ?, ?, ?, ?)
            on conflict (personnel_id, effective_from) do update set unit_code = excluded.unit_code,
                category = excluded.category, status = excluded.status, title_code = excluded.title_code,
                rank_code = excluded.rank_code""";

    /** Each version of these people ends where their next one starts. */
    private static final String EFFECTIVE_TO = """
            update person_version v set effective_to = n.next_from
            from (select personnel_id, effective_from, lead(effective_from) over (partition by personnel_id
                order by effective_from) next_from from person_version where personnel_id = any(?)) n
            where v.personnel_id = n.personnel_id and v.effective_from = n.effective_from
            and v.effective_to is distinct from n.next_from""";

    private record PersonEvent(UUID id, String name, Personnel person) {
    }

    private final EventReader reader;
    private final Sql sql;
    private final PersonLocks locks;
    private final PersonRows rows;
    private final PersonStock stock;
    private final TrainingFacts facts;
    private final EnrolmentProjector enrolments;
    private final StaffRollup staff;
    private final GapRollup gaps;

    PersonProjector(EventReader reader, Sql sql, PersonLocks locks, PersonRows rows, PersonStock stock,
                    TrainingFacts facts, EnrolmentProjector enrolments, StaffRollup staff, GapRollup gaps) {
        this.reader = reader;
        this.sql = sql;
        this.locks = locks;
        this.rows = rows;
        this.stock = stock;
        this.facts = facts;
        this.enrolments = enrolments;
        this.staff = staff;
        this.gaps = gaps;
    }

    /** Applies a batch of person events, in order per person. */
    void applyAll(List<EventEnvelope> events) {
        List<PersonEvent> batch = events.stream().map(e -> {
            Personnel p = reader.read(e, Personnel.class);
            return new PersonEvent(uuid(p.personnelId()), e.eventName(), p);
        }).toList();
        Map<UUID, Personnel> last = new LinkedHashMap<>();
        Map<UUID, List<PlanGap>> planGaps = new LinkedHashMap<>();
        for (PersonEvent e : batch) {
            last.put(e.id(), e.person());
            if (e.person().planGaps() != null) {
                planGaps.put(e.id(), e.person().planGaps());
            }
        }
        Set<UUID> people = last.keySet();
        locks.lock(people);
        Map<UUID, PersonRows.Standing> before = rows.standings(people);
        gaps.add(people, -1);
        rows.writePeople(last);
        Set<UUID> historyChanged = writeHistory(batch, people);
        rows.writeQualifications(last);
        rows.writePlanGaps(planGaps);
        gaps.add(people, 1);
        stock.rebuild(PersonRows.held(last));
        // only what changed is counted again: in a history import a person event mostly adds a qualification, and
        // walking every turn of every person of the batch was the largest share of the batch's statements
        facts.historyChanged(historyChanged);
        facts.peopleChanged(peopleWhose(last, before, PersonRows.Standing::sameBreakdown));
        enrolments.placeByPerson(peopleWhose(last, before, PersonRows.Standing::samePlace));
    }

    /** The people whose standing after the batch differs from before it by {@code same} (or who are new). */
    private static Set<UUID> peopleWhose(Map<UUID, Personnel> last, Map<UUID, PersonRows.Standing> before,
                                         BiPredicate<PersonRows.Standing, PersonRows.Standing> same) {
        Set<UUID> changed = new LinkedHashSet<>();
        last.forEach((id, p) -> {
            if (!same.test(PersonRows.standing(p), before.get(id))) {
                changed.add(id);
            }
        });
        return changed;
    }

    /**
     * The versions the events add, with the active staff taken out of staff_rollup before and put in after; answers
     * the people whose history changed.
     */
    private Set<UUID> writeHistory(List<PersonEvent> batch, Set<UUID> people) {
        PersonHistory history = new PersonHistory(latestVersions(people));
        batch.forEach(e -> history.add(e.id(), e.name(), e.person()));
        Set<UUID> changed = history.written().keySet();
        if (changed.isEmpty()) {
            return changed;
        }
        staff.add(changed, -1);
        sql.batch(VERSION, history.rows());
        sql.update(EFFECTIVE_TO, Sql.uuids(changed));
        staff.add(changed, 1);
        staff.placeYears(changed);
        return changed;
    }

    private Map<UUID, Map.Entry<LocalDate, PersonHistory.State>> latestVersions(Set<UUID> people) {
        Map<UUID, Map.Entry<LocalDate, PersonHistory.State>> latest = new LinkedHashMap<>();
        for (Map.Entry<UUID, Map.Entry<LocalDate, PersonHistory.State>> v : sql.list("""
                select distinct on (personnel_id) personnel_id, effective_from, unit_code, category, status,
                    title_code, rank_code from person_version where personnel_id = any(?)
                order by personnel_id, effective_from desc""",
                r -> Map.entry(r.uuid("personnel_id"), Map.entry(r.date("effective_from"), new PersonHistory.State(
                        r.string("unit_code"), r.string("category"), r.string("status"), r.string("title_code"),
                        r.string("rank_code")))),
                Sql.uuids(people))) {
            latest.put(v.getKey(), v.getValue());
        }
        return latest;
    }

    static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw new PoisonEventException("not a UUID: " + value, e);
        }
    }
}

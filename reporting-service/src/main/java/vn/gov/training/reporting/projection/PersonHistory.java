package vn.gov.training.reporting.projection;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import vn.gov.training.reporting.projection.ConsumedEvents.Personnel;

/**
 * The rows of person_version that a batch of person events writes, folded in the order of the events: each event is
 * judged against the person's last known state (the stored latest version, then what the batch's earlier events
 * wrote), so several events of the same person in one batch write what they would one by one.
 */
final class PersonHistory {

    /** Events whose effectiveOn is the date of a change of unit or status. */
    private static final Set<String> HISTORY_EVENTS = Set.of("registered", "transferred", "left");
    /** Events that change qualifications or plans only; their effectiveOn is not a date of the person's state. */
    private static final Set<String> STATE_NEUTRAL_EVENTS = Set.of("qualification-recorded", "succession-plan-changed");

    /** A person's unit, category, status, title and rank from a date. */
    record State(String unitCode, String category, String status, String titleCode, String rankCode) {

        static State of(Personnel p) {
            return new State(p.orgUnitCode(), p.category(), p.status(), p.titleCode(), p.rankCode());
        }
    }

    /** The latest stored version of each person: the state with the greatest effective_from. */
    private final Map<UUID, TreeMap<LocalDate, State>> known = new LinkedHashMap<>();
    /** The versions written, per person and date (a later event of the same date overwrites an earlier one). */
    private final Map<UUID, Map<LocalDate, State>> written = new LinkedHashMap<>();

    PersonHistory(Map<UUID, Map.Entry<LocalDate, State>> latestStored) {
        latestStored.forEach((id, latest) -> known.computeIfAbsent(id, k -> new TreeMap<>())
                .put(latest.getKey(), latest.getValue()));
    }

    /** Folds one event of person {@code id} in. */
    void add(UUID id, String eventName, Personnel p) {
        TreeMap<LocalDate, State> versions = known.computeIfAbsent(id, k -> new TreeMap<>());
        LocalDate from = historyFrom(eventName, p, versions.isEmpty() ? null : versions.lastEntry().getValue());
        if (from != null) {
            versions.put(from, State.of(p));
            written.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(from, State.of(p));
        }
    }

    /** The versions to write, per person; the people whose history changes are its keys. */
    Map<UUID, Map<LocalDate, State>> written() {
        return written;
    }

    /**
     * The date from which this event states the person's unit, category, status, title and rank, or null when it
     * adds nothing to the history. Registration, transfer and leaving always do, at their effectiveOn. A
     * qualification or succession-plan event never does: its effectiveOn is an award or decision date, and a
     * rating update is an "updated" event dated 31 December of the rated year. Any other event does only when one
     * of those fields differs from the last known state. A person first seen through an event of the second kind
     * gets their history from the start of service.
     */
    static LocalDate historyFrom(String eventName, Personnel p, State last) {
        LocalDate effective = p.effectiveOn() != null ? p.effectiveOn()
                : p.startedServiceOn() != null ? p.startedServiceOn() : UnitProjector.BEGINNING;
        if (last == null) {
            return HISTORY_EVENTS.contains(eventName) || p.startedServiceOn() == null ? effective
                    : p.startedServiceOn();
        }
        if (HISTORY_EVENTS.contains(eventName)) {
            return effective;
        }
        if (STATE_NEUTRAL_EVENTS.contains(eventName)) {
            return null;
        }
        return Objects.equals(last, State.of(p)) ? null : effective;
    }

    /** The rows of person_version to upsert: personnel_id, effective_from and the state. */
    List<Object[]> rows() {
        return written.entrySet().stream().flatMap(person -> person.getValue().entrySet().stream()
                .map(v -> new Object[] {person.getKey(), v.getKey(), v.getValue().unitCode(), v.getValue().category(),
                        v.getValue().status(), v.getValue().titleCode(), v.getValue().rankCode()}))
                .toList();
    }
}

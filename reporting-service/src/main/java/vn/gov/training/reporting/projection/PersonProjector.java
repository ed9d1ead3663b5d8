package vn.gov.training.reporting.projection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.platform.event.EventEnvelope;
import vn.gov.training.platform.event.EventReader;
import vn.gov.training.platform.event.PoisonEventException;
import vn.gov.training.platform.text.VietnameseText;
import vn.gov.training.reporting.projection.ConsumedEvents.Personnel;
import vn.gov.training.reporting.projection.ConsumedEvents.PlanGap;
import vn.gov.training.reporting.projection.ConsumedEvents.Qualification;

/**
 * People as they are now, their history (unit, category, status, title and rank from the effectiveOn of the events
 * that change them), their qualifications, the levels they lack for a planned title, and the qualification-stock
 * intervals derived from history and qualifications. The enrolments of a person whose gender,
 * ethnicity or leader flag changed are re-counted, so the result does not depend on which topic is read first.
 */
@ApplicationScoped
public class PersonProjector {

    /** Events whose effectiveOn is the date of a change of unit or status. */
    private static final Set<String> HISTORY_EVENTS = Set.of("registered", "transferred", "left");
    /** Events that change qualifications or plans only; their effectiveOn is not a date of the person's state. */
    private static final Set<String> STATE_NEUTRAL_EVENTS = Set.of("qualification-recorded", "succession-plan-changed");

    private final EventReader reader;
    private final Sql sql;
    private final TrainingFacts facts;
    private final ObjectMapper json;
    private final EnrolmentProjector enrolments;
    private final TrainingRollup rollup;
    private final StockRollup stock;
    private final StaffRollup staff;
    private final GapRollup gaps;

    PersonProjector(EventReader reader, Sql sql, TrainingFacts facts, ObjectMapper json,
                    EnrolmentProjector enrolments, TrainingRollup rollup, StockRollup stock, StaffRollup staff,
                    GapRollup gaps) {
        this.reader = reader;
        this.sql = sql;
        this.facts = facts;
        this.json = json;
        this.enrolments = enrolments;
        this.rollup = rollup;
        this.stock = stock;
        this.staff = staff;
        this.gaps = gaps;
    }

    void apply(EventEnvelope event) {
        Personnel p = reader.read(event, Personnel.class);
        UUID id = uuid(p.personnelId());
        enrolments.lockPerson(id);
        gaps.add(id, -1);
        String gender = p.gender() == null ? "UNKNOWN" : p.gender();
        boolean minority = p.ethnicity() != null && !VietnameseText.fold(p.ethnicity()).equals("kinh");
        boolean leader = p.managementTier() != null || p.titleCode() != null;
        sql.update("""
                insert into person (personnel_id, full_name, gender, ethnic_minority, category, unit_code, status,
                    title_code, rank_code, leader, planned_titles, planned, ratings, excellent)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, exists (select 1 from person_result r
                    where r.personnel_id = ? and r.excellent > 0))
                on conflict (personnel_id) do update set full_name = excluded.full_name, gender = excluded.gender,
                    ethnic_minority = excluded.ethnic_minority, category = excluded.category,
                    unit_code = excluded.unit_code, status = excluded.status, title_code = excluded.title_code,
                    rank_code = excluded.rank_code, leader = excluded.leader, planned_titles = excluded.planned_titles,
                    planned = excluded.planned, ratings = excluded.ratings""",
                id, p.fullName(), gender, minority, p.category(), p.orgUnitCode(), p.status(), p.titleCode(),
                p.rankCode(), leader, toJson(p.plannedTitles()), planned(p), toJson(p.ratings()), id);

        LocalDate historyFrom = historyFrom(event.eventName(), id, p);
        if (historyFrom != null) {
            staff.add(id, -1);
            sql.update("""
                    insert into person_version (personnel_id, effective_from, unit_code, category, status, title_code,
                        rank_code) values (?, ?, ?, ?, ?, ?, ?)
                    on conflict (personnel_id, effective_from) do update set unit_code = excluded.unit_code,
                        category = excluded.category, status = excluded.status, title_code = excluded.title_code,
                        rank_code = excluded.rank_code""",
                    id, historyFrom, p.orgUnitCode(), p.category(), p.status(), p.titleCode(), p.rankCode());
            sql.update("""
                    update person_version v set effective_to = (select min(n.effective_from) from person_version n
                        where n.personnel_id = v.personnel_id and n.effective_from > v.effective_from)
                    where v.personnel_id = ?""", id);
            staff.add(id, 1);
            staff.placeYears(id);
        }

        sql.update("delete from qualification where personnel_id = ?", id);
        List<StockIntervals.Held> held = new ArrayList<>();
        for (Qualification q : Objects.requireNonNullElse(p.qualifications(), List.<Qualification>of())) {
            if (q.kind() == null || q.level() == null) {
                continue;
            }
            String qid = q.qualificationId() != null ? q.qualificationId()
                    : q.kind() + ":" + q.level() + ":" + q.awardedOn();
            sql.update("""
                    insert into qualification (personnel_id, qualification_id, kind, level, awarded_on)
                    values (?, ?, ?, ?, ?) on conflict (personnel_id, qualification_id) do update
                    set kind = excluded.kind, level = excluded.level, awarded_on = excluded.awarded_on""",
                    id, qid, q.kind(), q.level(), q.awardedOn());
            held.add(new StockIntervals.Held(q.kind(), q.level(), q.awardedOn()));
        }
        if (p.planGaps() != null) {
            // an event without planGaps (published before the field existed) says nothing about them
            sql.update("delete from plan_gap where personnel_id = ?", id);
            int line = 0;
            for (PlanGap gap : p.planGaps()) {
                if (gap.kind() == null || gap.level() == null) {
                    continue;
                }
                sql.update("""
                        insert into plan_gap (personnel_id, line, plan_id, title_code, kind, level)
                        values (?, ?, ?, ?, ?, ?)""", id, ++line, gap.planId(), gap.titleCode(), gap.kind(),
                        gap.level());
            }
        }
        gaps.add(id, 1);
        rebuildStock(id, held);
        facts.personHistoryChanged(id);
        facts.personChanged(id, gender, minority, leader);
        enrolments.placeByPerson(id);
    }

    /**
     * The date from which this event states the person's unit, category, status, title and rank, or null when it
     * adds nothing to the history. Registration, transfer and leaving always do, at their effectiveOn. A
     * qualification or succession-plan event never does: its effectiveOn is an award or decision date, and a
     * rating update is an "updated" event dated 31 December of the rated year. Any other event does only when one
     * of those fields differs from the last known state. A person first seen through an event of the second kind
     * gets their history from the start of service.
     */
    private LocalDate historyFrom(String eventName, UUID id, Personnel p) {
        LocalDate effective = p.effectiveOn() != null ? p.effectiveOn()
                : p.startedServiceOn() != null ? p.startedServiceOn() : UnitProjector.BEGINNING;
        List<Object[]> last = sql.rows("""
                select unit_code, category, status, title_code, rank_code from person_version where personnel_id = ?
                order by effective_from desc limit 1""", id);
        if (last.isEmpty()) {
            return HISTORY_EVENTS.contains(eventName) || p.startedServiceOn() == null ? effective
                    : p.startedServiceOn();
        }
        if (HISTORY_EVENTS.contains(eventName)) {
            return effective;
        }
        if (STATE_NEUTRAL_EVENTS.contains(eventName)) {
            return null;
        }
        Object[] l = last.get(0);
        boolean changed = !Objects.equals(l[0], p.orgUnitCode()) || !Objects.equals(l[1], p.category())
                || !Objects.equals(l[2], p.status()) || !Objects.equals(l[3], p.titleCode())
                || !Objects.equals(l[4], p.rankCode());
        return changed ? effective : null;
    }

    /**
     * Derives the person's stock intervals again; when they differ from the stored ones, replaces them, taking the
     * old ones out of stock_rollup and putting the new ones in. Most events (ratings, plans) change none.
     */
    private void rebuildStock(UUID id, List<StockIntervals.Held> held) {
        List<StockIntervals.Version> versions = sql.rows("""
                select effective_from, effective_to, unit_code, category, status from person_version
                where personnel_id = ? order by effective_from""", id).stream()
                .map(r -> new StockIntervals.Version((LocalDate) r[0], (LocalDate) r[1], (String) r[2],
                        (String) r[3], (String) r[4]))
                .toList();
        List<StockIntervals.Interval> intervals = StockIntervals.of(versions, held);
        Set<StockIntervals.Interval> stored = new HashSet<>(sql.rows("""
                select kind, level, unit_code, category, valid_from, valid_to from stock_interval
                where personnel_id = ?""", id).stream()
                .map(r -> new StockIntervals.Interval((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                        (LocalDate) r[4], (LocalDate) r[5]))
                .toList());
        if (stored.size() == intervals.size() && stored.containsAll(intervals)) {
            return;
        }
        rollup.enter();
        stock.add(id, -1);
        sql.update("delete from stock_interval where personnel_id = ?", id);
        for (StockIntervals.Interval i : intervals) {
            sql.update("""
                    insert into stock_interval (personnel_id, kind, level, unit_code, category, valid_from, valid_to)
                    values (?, ?, ?, ?, ?, ?, ?)""", id, i.kind(), i.level(), i.unitCode(), i.category(), i.from(),
                    i.to());
        }
        stock.add(id, 1);
    }

    /** Whether the person is in a succession plan now: one of their planned titles is ACTIVE. */
    private static boolean planned(Personnel p) {
        return p.plannedTitles() != null && p.plannedTitles().stream().anyMatch(t -> "ACTIVE".equals(t.status()));
    }

    static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw new PoisonEventException("not a UUID: " + value, e);
        }
    }

    private String toJson(Object value) {
        try {
            return value == null ? null : json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

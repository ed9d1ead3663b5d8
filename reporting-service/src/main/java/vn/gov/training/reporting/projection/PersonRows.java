package vn.gov.training.reporting.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.platform.text.VietnameseText;
import vn.gov.training.reporting.projection.ConsumedEvents.Personnel;
import vn.gov.training.reporting.projection.ConsumedEvents.PlanGap;
import vn.gov.training.reporting.projection.ConsumedEvents.Qualification;

/**
 * Writes what a batch of person events states of each person as they are now: the person row, their qualifications
 * and the levels they lack for a planned title, each from the person's last event that states it, in JDBC batches.
 */
@ApplicationScoped
public class PersonRows {

    private static final String PERSON = """
            insert into person (personnel_id, full_name, gender, ethnic_minority, category, unit_code, status,
                title_code, rank_code, leader, planned_titles, planned, ratings, excellent)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, exists (select 1 from person_result r
                where r.personnel_id = ? and r.excellent > 0))
            on conflict (personnel_id) do update set full_name = excluded.full_name, gender = excluded.gender,
                ethnic_minority = excluded.ethnic_minority, category = excluded.category,
                unit_code = excluded.unit_code, status = excluded.status, title_code = excluded.title_code,
                rank_code = excluded.rank_code, leader = excluded.leader, planned_titles = excluded.planned_titles,
                planned = excluded.planned, ratings = excluded.ratings
            where (person.full_name, person.gender, person.ethnic_minority, person.category, person.unit_code,
                person.status, person.title_code, person.rank_code, person.leader, person.planned_titles,
                person.planned, person.ratings) is distinct from (excluded.full_name, excluded.gender,
                excluded.ethnic_minority, excluded.category, excluded.unit_code, excluded.status, excluded.title_code,
                excluded.rank_code, excluded.leader, excluded.planned_titles, excluded.planned, excluded.ratings)""";

    private static final String QUALIFICATION = """
            insert into qualification (personnel_id, qualification_id, kind, level, awarded_on)
            values (?, ?, ?, ?, ?) on conflict (personnel_id, qualification_id) do update
            set kind = excluded.kind, level = excluded.level, awarded_on = excluded.awarded_on
            where (qualification.kind, qualification.level, qualification.awarded_on)
                is distinct from (excluded.kind, excluded.level, excluded.awarded_on)""";

    private static final String STORED_QUALIFICATIONS = """
            select personnel_id, qualification_id, kind, level, awarded_on from qualification
            where personnel_id = any(?)""";

    private static final String QUALIFICATIONS_NO_LONGER_HELD = """
            delete from qualification q using unnest(?::uuid[], ?::varchar[]) as gone(personnel_id, qualification_id)
            where q.personnel_id = gone.personnel_id and q.qualification_id = gone.qualification_id""";

    private static final String PLAN_GAP = """
            insert into plan_gap (personnel_id, line, plan_id, title_code, kind, level) values (?, ?, ?, ?, ?, ?)""";

    private final Sql sql;
    private final ObjectMapper json;

    PersonRows(Sql sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    /** The person rows, from each person's last event; a row the event leaves as it was is not written again. */
    void writePeople(Map<UUID, Personnel> last) {
        List<Object[]> rows = new ArrayList<>();
        last.forEach((id, p) -> rows.add(new Object[] {id, p.fullName(), gender(p), minority(p), p.category(),
                p.orgUnitCode(), p.status(), p.titleCode(), p.rankCode(), leader(p), toJson(p.plannedTitles()),
                planned(p), toJson(p.ratings()), id}));
        sql.batch(PERSON, rows);
    }

    /**
     * Each person's qualifications are those their last event lists. A person event lists all of them, and most
     * are unchanged: the stored ones are read (one index range a person) and only the new or changed ones written,
     * only the ones no longer listed deleted, so that a result does not rewrite or probe the person's whole history.
     */
    void writeQualifications(Map<UUID, Personnel> last) {
        Map<QualificationKey, Qualification> stored = new HashMap<>();
        for (Map.Entry<QualificationKey, Qualification> q : sql.list(STORED_QUALIFICATIONS,
                r -> Map.entry(new QualificationKey(r.uuid("personnel_id"), r.string("qualification_id")),
                        new Qualification(r.string("qualification_id"), r.string("kind"), r.string("level"),
                                r.date("awarded_on"))),
                Sql.uuids(last.keySet()))) {
            stored.put(q.getKey(), q.getValue());
        }
        Map<QualificationKey, Qualification> listed = new LinkedHashMap<>();
        last.forEach((id, p) -> {
            for (Qualification q : qualifications(p)) {
                String qid = q.qualificationId() != null ? q.qualificationId()
                        : q.kind() + ":" + q.level() + ":" + q.awardedOn();
                listed.put(new QualificationKey(id, qid), new Qualification(qid, q.kind(), q.level(), q.awardedOn()));
            }
        });
        List<Object[]> rows = new ArrayList<>();
        listed.forEach((key, q) -> {
            if (!q.equals(stored.get(key))) {
                rows.add(new Object[] {key.personnelId(), key.qualificationId(), q.kind(), q.level(), q.awardedOn()});
            }
        });
        List<UUID> goneFrom = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        stored.keySet().stream().filter(key -> !listed.containsKey(key)).forEach(key -> {
            goneFrom.add(key.personnelId());
            gone.add(key.qualificationId());
        });
        if (!gone.isEmpty()) {
            sql.update(QUALIFICATIONS_NO_LONGER_HELD, Sql.uuids(goneFrom), Sql.texts(gone));
        }
        sql.batch(QUALIFICATION, rows);
    }

    /**
     * How the batch's people stand in the person table before their events are written (absent: not stored yet),
     * to tell whose turns, commitments and repayments must be counted again.
     */
    Map<UUID, Standing> standings(Set<UUID> people) {
        Map<UUID, Standing> standings = new HashMap<>();
        for (Map.Entry<UUID, Standing> s : sql.list("""
                select personnel_id, gender, ethnic_minority, leader, unit_code, category from person
                where personnel_id = any(?)""",
                r -> Map.entry(r.uuid("personnel_id"), new Standing(r.string("gender"), r.bool("ethnic_minority"),
                        r.bool("leader"), r.string("unit_code"), r.string("category"))),
                Sql.uuids(people))) {
            standings.put(s.getKey(), s.getValue());
        }
        return standings;
    }

    /** How a person stands after their event: what the person row will hold. */
    static Standing standing(Personnel p) {
        return new Standing(gender(p), minority(p), leader(p), p.orgUnitCode(), p.category());
    }

    /**
     * What the counts take from the person row: gender, ethnicity and leader flag break their turns down (training
     * facts, annual roll-up), unit and staff category place their commitments and repayments.
     */
    record Standing(String gender, Boolean ethnicMinority, Boolean leader, String unitCode, String category) {

        boolean sameBreakdown(Standing other) {
            return other != null && Objects.equals(gender, other.gender)
                    && Objects.equals(ethnicMinority, other.ethnicMinority) && Objects.equals(leader, other.leader);
        }

        boolean samePlace(Standing other) {
            return other != null && Objects.equals(unitCode, other.unitCode) && Objects.equals(category, other.category);
        }
    }

    private record QualificationKey(UUID personnelId, String qualificationId) {
    }

    /**
     * The plan gaps of the people whose last event stating them ({@code planGaps} not null) is in the batch; an
     * event without planGaps (published before the field existed) says nothing about them.
     */
    void writePlanGaps(Map<UUID, List<PlanGap>> gaps) {
        if (gaps.isEmpty()) {
            return;
        }
        sql.update("delete from plan_gap where personnel_id = any(?)", Sql.uuids(gaps.keySet()));
        List<Object[]> rows = new ArrayList<>();
        gaps.forEach((id, list) -> {
            int line = 0;
            for (PlanGap gap : list) {
                if (gap.kind() != null && gap.level() != null) {
                    rows.add(new Object[] {id, ++line, gap.planId(), gap.titleCode(), gap.kind(), gap.level()});
                }
            }
        });
        sql.batch(PLAN_GAP, rows);
    }

    /** The qualifications of each person's last event, as the stock intervals take them. */
    static Map<UUID, List<StockIntervals.Held>> held(Map<UUID, Personnel> last) {
        Map<UUID, List<StockIntervals.Held>> held = new LinkedHashMap<>();
        last.forEach((id, p) -> held.put(id, qualifications(p).stream()
                .map(q -> new StockIntervals.Held(q.kind(), q.level(), q.awardedOn())).toList()));
        return held;
    }

    private static List<Qualification> qualifications(Personnel p) {
        return Objects.requireNonNullElse(p.qualifications(), List.<Qualification>of()).stream()
                .filter(q -> q.kind() != null && q.level() != null).toList();
    }

    private static String gender(Personnel p) {
        return p.gender() == null ? "UNKNOWN" : p.gender();
    }

    private static boolean minority(Personnel p) {
        return p.ethnicity() != null && !VietnameseText.fold(p.ethnicity()).equals("kinh");
    }

    private static boolean leader(Personnel p) {
        return p.managementTier() != null || p.titleCode() != null;
    }

    /** Whether the person is in a succession plan now: one of their planned titles is ACTIVE. */
    private static boolean planned(Personnel p) {
        return p.plannedTitles() != null && p.plannedTitles().stream().anyMatch(t -> "ACTIVE".equals(t.status()));
    }

    private String toJson(Object value) {
        try {
            return value == null ? null : json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

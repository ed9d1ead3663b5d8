package vn.gov.training.reporting.projection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Turns a person's history (unit, category, status over time) and qualifications into the intervals in which they
 * counted in the qualification stock: while not LEFT, the highest level of each kind held, in the unit and category
 * of the time. "Stock at D" is then a count of the intervals containing D.
 */
public final class StockIntervals {

    private static final Map<String, List<String>> ORDER = Map.of(
            "EDUCATION", List.of("COLLEGE", "BACHELOR", "MASTER", "DOCTORATE"),
            "POLITICAL_THEORY", List.of("ELEMENTARY", "INTERMEDIATE", "ADVANCED", "BACHELOR_OF_POLITICS"),
            "STATE_MANAGEMENT", List.of("SPECIALIST", "PRINCIPAL_SPECIALIST", "SENIOR_SPECIALIST"),
            "DEFENCE_SECURITY", List.of("GROUP_4", "GROUP_3", "GROUP_2", "GROUP_1"),
            "LEADERSHIP", List.of("DIVISION", "DEPARTMENT"));

    public record Version(LocalDate from, LocalDate to, String unitCode, String category, String status) {
    }

    public record Held(String kind, String level, LocalDate awardedOn) {
    }

    public record Interval(String kind, String level, String unitCode, String category, LocalDate from, LocalDate to) {
    }

    private StockIntervals() {
    }

    public static List<Interval> of(List<Version> versions, List<Held> qualifications) {
        List<Interval> out = new ArrayList<>();
        for (String kind : qualifications.stream().map(Held::kind).distinct().sorted().toList()) {
            List<Held> ofKind = qualifications.stream().filter(q -> q.kind().equals(kind)).toList();
            for (Version v : versions) {
                if ("LEFT".equals(v.status()) || v.unitCode() == null) {
                    continue;
                }
                TreeSet<LocalDate> starts = new TreeSet<>();
                starts.add(v.from());
                for (Held q : ofKind) {
                    LocalDate on = q.awardedOn();
                    if (on != null && on.isAfter(v.from()) && (v.to() == null || on.isBefore(v.to()))) {
                        starts.add(on);
                    }
                }
                List<LocalDate> points = new ArrayList<>(starts);
                for (int i = 0; i < points.size(); i++) {
                    LocalDate from = points.get(i);
                    LocalDate to = i + 1 < points.size() ? points.get(i + 1) : v.to();
                    Held best = highest(kind, ofKind, from);
                    if (best != null) {
                        append(out, new Interval(kind, best.level(), v.unitCode(),
                                Objects.requireNonNullElse(v.category(), ""), from, to));
                    }
                }
            }
        }
        return out;
    }

    private static Held highest(String kind, List<Held> ofKind, LocalDate on) {
        List<String> order = ORDER.getOrDefault(kind, List.of());
        return ofKind.stream()
                .filter(q -> q.awardedOn() == null || !q.awardedOn().isAfter(on))
                .max(Comparator.<Held>comparingInt(q -> order.indexOf(q.level()))
                        .thenComparing(q -> q.awardedOn() == null ? LocalDate.MIN : q.awardedOn()))
                .orElse(null);
    }

    /** Joins an interval to the previous one when it continues it unchanged. */
    private static void append(List<Interval> out, Interval next) {
        if (!out.isEmpty()) {
            Interval last = out.get(out.size() - 1);
            if (last.kind().equals(next.kind()) && last.level().equals(next.level())
                    && last.unitCode().equals(next.unitCode()) && last.category().equals(next.category())
                    && next.from().equals(last.to())) {
                out.set(out.size() - 1, new Interval(last.kind(), last.level(), last.unitCode(), last.category(),
                        last.from(), next.to()));
                return;
            }
        }
        out.add(next);
    }
}

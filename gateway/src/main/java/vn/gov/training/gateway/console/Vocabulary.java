package vn.gov.training.gateway.console;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.gov.training.gateway.console.client.PersonnelApi;
import vn.gov.training.gateway.console.client.ServiceAnswers;

/**
 * The names of the reference codes a person should never have to read or type: units (org-units), titles, ranks
 * and job positions, as personnel-service keeps them ({@code /api/org-units}, {@code /api/reference/*}, readable by
 * everyone signed in). Kept for a few minutes, fetched with the signed-in person's token; a code the service does
 * not know is shown as it is. The fixed codes of the services (statuses, levels, categories) are in {@link Labels}.
 */
@ApplicationScoped
public class Vocabulary {

    /** A code and its name, what a picker offers. */
    @io.quarkus.qute.TemplateData
    public record Entry(String code, String name, String hint) {
    }

    public enum Kind {
        UNITS, TITLES, RANKS, JOB_POSITIONS;

        public static Kind of(String name) {
            return switch (name) {
                case "units" -> UNITS;
                case "titles" -> TITLES;
                case "ranks" -> RANKS;
                case "job-positions" -> JOB_POSITIONS;
                default -> null;
            };
        }
    }

    private static final Duration KEPT = Duration.ofMinutes(5);

    private record Loaded(Map<String, Entry> entries, Instant at) {
    }

    @Inject
    PersonnelApi personnel;
    @Inject
    ServiceAnswers answers;

    private final Map<Kind, Loaded> loaded = new java.util.concurrent.ConcurrentHashMap<>();

    public String unitName(Object code) {
        return name(Kind.UNITS, code);
    }

    public String name(Kind kind, Object code) {
        if (code == null || code.toString().isBlank()) {
            return "";
        }
        Entry entry = entries(kind).get(code.toString());
        return entry == null ? code.toString() : entry.name();
    }

    /** The entries whose name or code contains what was typed, ignoring case and diacritics ("pho truong" finds "Phó Trưởng phòng"). */
    public List<Entry> find(Kind kind, String typed, int limit) {
        String key = fold(typed);
        List<Entry> found = new ArrayList<>();
        for (Entry e : entries(kind).values()) {
            if (key.isEmpty() || fold(e.name()).contains(key) || fold(e.code()).contains(key)) {
                found.add(e);
                if (found.size() == limit) {
                    break;
                }
            }
        }
        return found;
    }

    Map<String, Entry> entries(Kind kind) {
        Loaded current = loaded.get(kind);
        if (current != null && current.at().plus(KEPT).isAfter(Instant.now())) {
            return current.entries();
        }
        ApiResult answer = answers.of(switch (kind) {
            case UNITS -> personnel.units();
            case TITLES -> personnel.titles();
            case RANKS -> personnel.ranks();
            case JOB_POSITIONS -> personnel.jobPositions();
        });
        if (!answer.ok()) {
            return current != null ? current.entries() : Map.of(); // no names this time: codes are shown
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<Map<String, Object>> items = new ArrayList<>(answer.<Map<String, Object>>bodyList());
        items.sort(java.util.Comparator.comparing(m -> fold(String.valueOf(m.get("name")))));
        for (Map<String, Object> item : items) {
            String code = String.valueOf(item.get("code"));
            String hint = kind == Kind.UNITS ? null : kind == Kind.JOB_POSITIONS && item.get("orgUnitCode") != null
                    ? unitName(item.get("orgUnitCode")) : null;
            entries.put(code, new Entry(code, String.valueOf(item.get("name")), hint));
        }
        Map<String, Entry> kept = java.util.Collections.unmodifiableMap(entries);
        loaded.put(kind, new Loaded(kept, Instant.now()));
        return kept;
    }

    /** Lower case without diacritics; đ is d. */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").replace('đ', 'd');
    }
}

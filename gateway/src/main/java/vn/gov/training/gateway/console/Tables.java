package vn.gov.training.gateway.console;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders the reporting-service's result records as tables: Vietnamese headings, formatted numbers (VND with
 * thousands separators, shares as %) and dates (dd/MM/yyyy), and drill-down links on the cells a {@link Linker}
 * names. A code column is left out when the record also carries its name ({@code category} + {@code categoryName}).
 * How a number is written follows its column's declared {@link Kind}: a column not declared is a count, whatever
 * its key spells (the annual report's "Tiến sĩ" column, key {@code DOCTORATE}, is a count, not a rate).
 */
public final class Tables {

    /** What a numeric column holds. */
    public enum Kind {
        COUNT, VND, PERCENT, YEAR
    }

    /** The columns that are not counts, by their exact key in the reports' JSON. */
    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("costVnd", Kind.VND), Map.entry("fundedVnd", Kind.VND), Map.entry("openCostVnd", Kind.VND),
            Map.entry("decidedVnd", Kind.VND), Map.entry("recoveredVnd", Kind.VND), Map.entry("amountVnd", Kind.VND),
            Map.entry("totalSpendingVnd", Kind.VND), Map.entry("fundingAmountVnd", Kind.VND),
            Map.entry("costPerLearnerVnd", Kind.VND),
            Map.entry("metShare", Kind.PERCENT),
            Map.entry("year", Kind.YEAR));

    public static Kind kind(String key) {
        return KINDS.getOrDefault(key, Kind.COUNT);
    }

    @io.quarkus.qute.TemplateData
    public record Cell(String text, String href, boolean numeric) {
    }

    @io.quarkus.qute.TemplateData
    public record Table(String title, List<String> headings, List<Boolean> numeric, List<List<Cell>> rows) {
    }

    @io.quarkus.qute.TemplateData
    public record Figure(String label, String value) {
    }

    /** The link of one cell (row, column key), or null. */
    @FunctionalInterface
    public interface Linker {
        String href(Map<String, Object> row, String key);

        Linker NONE = (row, key) -> null;
    }

    private Tables() {
    }

    public static String heading(String key) {
        return Labels.heading(key);
    }

    /** The top-level scalar members of a report (unit name, period, year…), except the codes shown elsewhere. */
    public static List<Figure> figures(Map<String, Object> json) {
        List<Figure> figures = new ArrayList<>();
        json.forEach((key, value) -> {
            boolean shown = value instanceof Number || value instanceof String || value instanceof Boolean;
            if (shown && !json.containsKey(key + "Name")) {
                figures.add(new Figure(heading(key), text(key, value)));
            }
        });
        return figures;
    }

    /** One table per list of records in the report, in the order the report gives them. */
    @SuppressWarnings("unchecked")
    public static List<Table> tables(Map<String, Object> json, Map<String, Linker> linkers) {
        List<Table> tables = new ArrayList<>();
        json.forEach((key, value) -> {
            if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
                tables.add(table(heading(key), (List<Map<String, Object>>) list,
                        linkers.getOrDefault(key, Linker.NONE), Map.of()));
            }
        });
        return tables;
    }

    public static Table table(String title, List<Map<String, Object>> rows, Linker linker,
            Map<String, String> extraHeadings) {
        Set<String> keys = new LinkedHashSet<>();
        for (Map<String, Object> row : rows) {
            row.forEach((k, v) -> {
                boolean hidden = v instanceof Map || v instanceof List || k.endsWith("Id") || k.equals("id")
                        || row.containsKey(k + "Name");
                if (!hidden) {
                    keys.add(k);
                }
            });
        }
        List<String> order = new ArrayList<>(keys);
        List<Boolean> numeric = new ArrayList<>();
        for (String k : order) {
            numeric.add(rows.stream().allMatch(r -> r.get(k) == null || r.get(k) instanceof Number));
        }
        List<List<Cell>> cells = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            List<Cell> line = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                String k = order.get(i);
                line.add(new Cell(text(k, row.get(k)), linker.href(row, k), numeric.get(i)));
            }
            cells.add(line);
        }
        return new Table(title, order.stream().map(k -> extraHeadings.getOrDefault(k, heading(k))).toList(), numeric,
                cells);
    }

    static String text(String key, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return switch (kind(key)) {
                case VND -> Formats.vnd(value);
                case PERCENT -> {
                    double d = ((Number) value).doubleValue();
                    yield Formats.number(d <= 1 ? d * 100 : d) + " %";
                }
                case YEAR -> value.toString();
                case COUNT -> Formats.number(value);
            };
        }
        if (value instanceof Boolean b) {
            return b ? "Có" : "Không";
        }
        String s = value.toString();
        if (s.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
            return Formats.date(s);
        }
        return Labels.of(s);
    }
}

package vn.gov.training.gateway.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shows a report's JSON, whatever its exact shape: top-level figures, and every list of rows as a table with
 * Vietnamese headings, formatted numbers and dates, and drill-down links where a row names one.
 */
public final class Tables {

    @io.quarkus.qute.TemplateData
    public record Cell(String text, String href, boolean numeric) {
    }

    @io.quarkus.qute.TemplateData
    public record Table(String title, List<String> headings, List<Boolean> numeric, List<List<Cell>> rows) {
    }

    @io.quarkus.qute.TemplateData
    public record Figure(String label, String value) {
    }

    private static final Map<String, String> HEADINGS = new LinkedHashMap<>();

    static {
        String[][] h = {{"category", "Loại hình"}, {"level", "Trình độ"}, {"kind", "Loại"}, {"unit", "Đơn vị"},
            {"unitCode", "Mã đơn vị"}, {"unitName", "Đơn vị"}, {"orgUnitCode", "Đơn vị"}, {"classes", "Số lớp"},
            {"classesHeld", "Số lớp"}, {"turns", "Lượt"}, {"trainingTurns", "Lượt đào tạo"},
            {"people", "Số người"}, {"distinctPeople", "Số người"}, {"completed", "Hoàn thành"},
            {"failed", "Không đạt"}, {"withdrawn", "Rút"}, {"periods", "Số tiết"}, {"cost", "Kinh phí"},
            {"costVnd", "Kinh phí"}, {"count", "Số lượng"}, {"change", "Thay đổi"}, {"compareCount", "Kỳ so sánh"},
            {"active", "Đang công tác"}, {"met", "Đạt"}, {"notMet", "Chưa đạt"}, {"share", "Tỷ lệ"},
            {"metShare", "Tỷ lệ đạt"}, {"fullName", "Họ và tên"}, {"personName", "Họ và tên"},
            {"fit", "Mức phù hợp"}, {"fitAssessment", "Mức phù hợp"}, {"status", "Trạng thái"},
            {"deliveryMode", "Hình thức"}, {"location", "Địa điểm"}, {"fundingSource", "Nguồn kinh phí"},
            {"year", "Năm"}, {"planned", "Kế hoạch"}, {"actual", "Thực hiện"}, {"amount", "Số tiền"},
            {"classCode", "Lớp"}, {"programName", "Chương trình"}, {"grade", "Xếp loại"}, {"reason", "Lý do"},
            {"women", "Nữ"}, {"ethnicMinorities", "Dân tộc thiểu số"}, {"wentAhead", "Vẫn cử đi"}};
        for (String[] pair : h) {
            HEADINGS.put(pair[0], pair[1]);
        }
    }

    private Tables() {
    }

    public static String heading(String key) {
        return HEADINGS.getOrDefault(key, Labels.field(key));
    }

    public static List<Figure> figures(Map<String, Object> json) {
        List<Figure> figures = new ArrayList<>();
        json.forEach((key, value) -> {
            if (value instanceof Number || value instanceof String || value instanceof Boolean) {
                figures.add(new Figure(heading(key), text(key, value)));
            } else if (value instanceof Map<?, ?> m && m.values().stream().allMatch(v -> v instanceof Number)) {
                m.forEach((k, v) -> figures.add(new Figure(heading(key) + " – " + Labels.of(k), text(key, v))));
            }
        });
        return figures;
    }

    @SuppressWarnings("unchecked")
    public static List<Table> tables(Map<String, Object> json, String drillBase) {
        List<Table> tables = new ArrayList<>();
        json.forEach((key, value) -> {
            if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
                tables.add(table(heading(key), (List<Map<String, Object>>) list, drillBase));
            }
        });
        return tables;
    }

    public static Table table(String title, List<Map<String, Object>> rows, String drillBase) {
        Set<String> keys = new LinkedHashSet<>();
        for (Map<String, Object> row : rows) {
            row.forEach((k, v) -> {
                if (!(v instanceof Map || v instanceof List) && !isLink(k) && !k.endsWith("Id") && !k.equals("id")) {
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
            String href = drill(row, drillBase);
            List<Cell> line = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                String k = order.get(i);
                line.add(new Cell(text(k, row.get(k)), i == 0 ? href : null, numeric.get(i)));
            }
            cells.add(line);
        }
        return new Table(title, order.stream().map(Tables::heading).toList(), numeric, cells);
    }

    private static boolean isLink(String key) {
        return key.equals("drillDown") || key.equals("drill") || key.equals("href") || key.equals("links");
    }

    private static String drill(Map<String, Object> row, String drillBase) {
        for (String key : List.of("drillDown", "drill", "href")) {
            if (row.get(key) instanceof String s && s.startsWith("/api/reports")) {
                return drillBase + java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    static String text(String key, Object value) {
        if (value == null) {
            return "";
        }
        String k = key.toLowerCase();
        if (value instanceof Number) {
            if (k.contains("cost") || k.contains("amount") || k.contains("vnd")) {
                return Formats.vnd(value);
            }
            if (k.contains("share") || k.contains("rate") || k.contains("ratio")) {
                double d = ((Number) value).doubleValue();
                return Formats.number(d <= 1 ? d * 100 : d) + " %";
            }
            return Formats.number(value);
        }
        String s = value.toString();
        if (s.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
            return Formats.date(s);
        }
        return Labels.of(s);
    }
}

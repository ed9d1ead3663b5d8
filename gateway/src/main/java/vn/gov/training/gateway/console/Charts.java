package vn.gov.training.gateway.console;

import java.util.List;

/** Small charts drawn on the server as inline SVG (no script, no inline style: CSP-friendly). */
public final class Charts {

    /** One bar; {@code href} (may be null) is where a click on it drills down to. */
    public record Bar(String label, double value, String text, String href) {

        public Bar(String label, double value, String text) {
            this(label, value, text, null);
        }
    }

    private Charts() {
    }

    /**
     * Horizontal bars, labels on the left (cut at 30 characters), values at the end of each bar. Each bar carries its
     * full label and value as a tooltip, and a bar with an {@code href} is a link (focusable, so also by keyboard).
     */
    public static String bars(String title, List<Bar> bars) {
        int rowHeight = 26;
        int labelWidth = 210;
        int width = 640;
        int height = Math.max(1, bars.size()) * rowHeight + 30;
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(escape(title)).append("\"><title>")
                .append(escape(title)).append("</title>");
        if (bars.isEmpty()) {
            svg.append("<text x=\"10\" y=\"22\">Chưa có số liệu</text>");
        }
        int y = 10;
        for (Bar bar : bars) {
            double length = max <= 0 ? 0 : (width - labelWidth - 90) * bar.value() / max;
            String full = escape(bar.label() + ": " + bar.text());
            svg.append(bar.href() == null ? "<g>" : "<a href=\"" + escape(bar.href()) + "\" aria-label=\"" + full + "\">")
                    .append("<title>").append(full).append("</title>");
            if (bar.href() != null) {
                // the whole row is the link's target, the gap between label and bar included
                svg.append("<rect class=\"hit\" x=\"0\" y=\"").append(y).append("\" width=\"").append(width)
                        .append("\" height=\"").append(rowHeight).append("\" fill=\"transparent\"></rect>");
            }
            svg.append("<text x=\"4\" y=\"").append(y + 15).append("\">").append(escape(truncate(bar.label())))
                    .append("</text>");
            svg.append("<rect class=\"bar\" x=\"").append(labelWidth).append("\" y=\"").append(y + 3)
                    .append("\" width=\"").append(String.format(java.util.Locale.ROOT, "%.1f", Math.max(length, 1)))
                    .append("\" height=\"").append(rowHeight - 8).append("\"></rect>");
            svg.append("<text x=\"").append(String.format(java.util.Locale.ROOT, "%.1f", labelWidth + length + 6))
                    .append("\" y=\"").append(y + 15).append("\">").append(escape(bar.text())).append("</text>");
            svg.append(bar.href() == null ? "</g>" : "</a>");
            y += rowHeight;
        }
        return svg.append("</svg>").toString();
    }

    private static String truncate(String label) {
        return label.length() > 30 ? label.substring(0, 29) + "…" : label;
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}

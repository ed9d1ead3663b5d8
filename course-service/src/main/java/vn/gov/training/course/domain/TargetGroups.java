package vn.gov.training.course.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Whom a programme is meant for; an empty list means no restriction on that dimension. */
public record TargetGroups(List<String> categories, List<String> rankCodes, List<String> titleCodes,
                           List<String> jobPositionCodes, List<String> managementTiers, List<String> defenceGroups) {

    public static TargetGroups none() {
        return new TargetGroups(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** The same groups with nulls as empty lists, so stored and published data never hold a null list. */
    public TargetGroups normalized() {
        return new TargetGroups(orEmpty(categories), orEmpty(rankCodes), orEmpty(titleCodes),
                orEmpty(jobPositionCodes), orEmpty(managementTiers), orEmpty(defenceGroups));
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of()
                : values.stream().filter(Objects::nonNull).map(String::strip).distinct().toList();
    }

    /** Each dimension by its JSON name, as sent (nulls kept), for validation that names the index. */
    public Map<String, List<String>> byName() {
        Map<String, List<String>> named = new LinkedHashMap<>();
        named.put("categories", categories);
        named.put("rankCodes", rankCodes);
        named.put("titleCodes", titleCodes);
        named.put("jobPositionCodes", jobPositionCodes);
        named.put("managementTiers", managementTiers);
        named.put("defenceGroups", defenceGroups);
        return named;
    }
}

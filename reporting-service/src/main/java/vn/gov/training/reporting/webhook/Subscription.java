package vn.gov.training.reporting.webhook;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import vn.gov.training.reporting.projection.Row;

/** A webhook subscription as stored (table {@code public.webhook_subscription}). */
public record Subscription(UUID id, String owner, String name, String targetUrl, List<String> types, String secret,
                           boolean provinceWide, String orgUnit, boolean personalData, String status, long cursor,
                           int attempts, OffsetDateTime nextAttemptAt, String lastError,
                           OffsetDateTime lastDeliveredAt, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static final String COLUMNS = "id, owner, name, target_url, type_prefixes, secret, province_wide, org_unit, "
            + "personal_data, status, cursor, attempts, next_attempt_at, last_error, last_delivered_at, created_at, "
            + "updated_at";

    /** A row of {@link #COLUMNS}. */
    static Subscription of(Row r) throws SQLException {
        return new Subscription(r.uuid("id"), r.string("owner"), r.string("name"), r.string("target_url"),
                split(r.string("type_prefixes")), r.string("secret"), r.bool("province_wide"), r.string("org_unit"),
                r.bool("personal_data"), r.string("status"), r.longValue("cursor"), r.intValue("attempts"),
                r.utcTime("next_attempt_at"), r.string("last_error"), r.utcTime("last_delivered_at"),
                r.utcTime("created_at"), r.utcTime("updated_at"));
    }

    static String join(List<String> types) {
        return String.join(",", types);
    }

    private static List<String> split(String types) {
        return types == null || types.isBlank() ? List.of() : Arrays.asList(types.split(","));
    }
}

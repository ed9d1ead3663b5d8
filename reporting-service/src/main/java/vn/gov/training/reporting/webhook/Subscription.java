package vn.gov.training.reporting.webhook;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A webhook subscription as stored (table {@code public.webhook_subscription}). */
public record Subscription(UUID id, String owner, String name, String targetUrl, List<String> types, String secret,
                           boolean provinceWide, String orgUnit, boolean personalData, String status, long cursor,
                           int attempts, OffsetDateTime nextAttemptAt, String lastError,
                           OffsetDateTime lastDeliveredAt, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static final String COLUMNS = "id, owner, name, target_url, type_prefixes, secret, province_wide, org_unit, "
            + "personal_data, status, cursor, attempts, next_attempt_at, last_error, last_delivered_at, created_at, "
            + "updated_at";

    static Subscription of(Object[] r) {
        return new Subscription((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], split((String) r[4]),
                (String) r[5], (Boolean) r[6], (String) r[7], (Boolean) r[8], (String) r[9],
                ((Number) r[10]).longValue(), ((Number) r[11]).intValue(), time(r[12]), (String) r[13], time(r[14]),
                time(r[15]), time(r[16]));
    }

    static String join(List<String> types) {
        return String.join(",", types);
    }

    private static List<String> split(String types) {
        return types == null || types.isBlank() ? List.of() : Arrays.asList(types.split(","));
    }

    private static OffsetDateTime time(Object value) {
        return value == null ? null : ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}

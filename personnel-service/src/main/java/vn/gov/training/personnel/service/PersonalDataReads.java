package vn.gov.training.personnel.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import vn.gov.training.personnel.domain.Person;
import vn.gov.training.platform.audit.AuditRecord;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.web.PageResponse;

/**
 * The reads of personal data under a data-sharing agreement (role {@code personal-data}): one audit record per person
 * shown in full (who, which record, when, by which operation), in the audit trail as {@code personal-data-read}, and
 * the admin's view of them.
 */
@ApplicationScoped
public class PersonalDataReads {

    public static final String ENTITY = "personal-data-read";

    public record Read(OffsetDateTime readAt, String reader, String personnelId, String operation) {
    }

    private final PersonAccess access;
    private final AuditTrail audit;
    private final ObjectMapper json;

    PersonalDataReads(PersonAccess access, AuditTrail audit, ObjectMapper json) {
        this.access = access;
        this.audit = audit;
        this.json = json;
    }

    /** Records a read of {@code people} by {@code operation} for those shown in full under the agreement. */
    public void shown(List<Person> people, String operation) {
        List<UUID> shared = people.stream().filter(access::sharedUnderAgreement).map(p -> p.id).toList();
        if (shared.isEmpty()) {
            return;
        }
        QuarkusTransaction.joiningExisting().run(() -> shared.forEach(id -> audit.record(ENTITY, id, "read", null,
                Map.of("operation", operation, "fields", List.of("nationalId", "dateOfBirth")))));
    }

    /** The recorded reads, newest first, optionally of one reader or one person. */
    public PageResponse<Read> list(String reader, UUID personnelId, int page, int size) {
        StringBuilder query = new StringBuilder("entityType = :type");
        Parameters params = Parameters.with("type", ENTITY);
        if (reader != null && !reader.isBlank()) {
            query.append(" and actor = :reader");
            params = params.and("reader", reader);
        }
        if (personnelId != null) {
            query.append(" and entityId = :person");
            params = params.and("person", personnelId.toString());
        }
        var found = AuditRecord.<AuditRecord>find(query.toString(), Sort.descending("id"), params)
                .page(Page.of(page, size));
        List<Read> items = found.list().stream().map(r -> new Read(r.occurredAt, r.actor, r.entityId,
                operation(r.after))).toList();
        return new PageResponse<>(items, page, size, found.count());
    }

    private String operation(String after) {
        try {
            return after == null ? null : json.readTree(after).path("operation").asText(null);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}

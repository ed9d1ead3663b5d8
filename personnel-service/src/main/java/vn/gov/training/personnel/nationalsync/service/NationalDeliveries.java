package vn.gov.training.personnel.nationalsync.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import vn.gov.training.personnel.domain.Person;
import vn.gov.training.personnel.domain.Qualification;
import vn.gov.training.personnel.nationalsync.domain.DeliveryStatus;
import vn.gov.training.personnel.nationalsync.domain.FileSection;
import vn.gov.training.personnel.nationalsync.domain.NationalDelivery;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.persistence.Filters;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.time.ProvinceTime;
import vn.gov.training.platform.web.PageResponse;

/** What the province asks of the sync: the deliveries by state, a re-send after a correction. */
@ApplicationScoped
public class NationalDeliveries {

    /** Filter of the list: a status, a section, only overdue ones (deadline passed, not accepted), one person. */
    public record Filter(DeliveryStatus status, FileSection section, Boolean overdue, UUID personnelId) {
    }

    private final AuditTrail audit;
    private final SyncClock clock;

    NationalDeliveries(AuditTrail audit, SyncClock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    public PageResponse<NationalDelivery> list(Filter filter, int page, int size) {
        Filters where = Filters.allOf()
                .when("status = :status", "status", filter.status())
                .when("section = :section", "section", filter.section());
        if (filter.overdue() != null) {
            where.add(filter.overdue() ? "status <> :accepted and deadline < :today"
                            : "(status = :accepted or deadline >= :today)")
                    .with("accepted", DeliveryStatus.ACCEPTED).with("today", clock.today());
        }
        where.when("personId = :person", "person", filter.personnelId());
        var found = NationalDelivery.<NationalDelivery>find(where.query() + " order by sequence", where.parameters());
        long total = found.count();
        return new PageResponse<>(found.page(Page.of(page, size)).list(), page, size, total);
    }

    public NationalDelivery get(UUID id) {
        NationalDelivery d = NationalDelivery.findById(id);
        if (d == null) {
            throw ProblemException.notFound("national-delivery-not-found", id);
        }
        return d;
    }

    /** The person whose file {@code d} carries. */
    public Person personOf(NationalDelivery d) {
        return Person.findById(d.personId);
    }

    /** The person's earliest delivery not accepted that comes before {@code d}: what it waits for; or null. */
    public NationalDelivery waitingFor(NationalDelivery d) {
        if (d.status == DeliveryStatus.ACCEPTED) {
            return null;
        }
        return NationalDelivery.<NationalDelivery>find("personId = ?1 and sequence < ?2 and status <> ?3 order by sequence",
                d.personId, d.sequence, DeliveryStatus.ACCEPTED).firstResult();
    }

    /** Counts by status, and how many are overdue. */
    @SuppressWarnings("unchecked")
    public Map<String, Long> summary() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (DeliveryStatus s : DeliveryStatus.values()) {
            counts.put(s.name(), 0L);
        }
        List<Object[]> rows = NationalDelivery.getEntityManager().createQuery(
                "select status, count(*) from NationalDelivery group by status").getResultList();
        for (Object[] row : rows) {
            counts.put(((DeliveryStatus) row[0]).name(), (Long) row[1]);
        }
        counts.put("overdue", ((Number) NationalDelivery.getEntityManager().createNativeQuery(
                        "select count(*) from national_delivery_open where deadline < ?1")
                .setParameter(1, clock.today()).getSingleResult()).longValue());
        return counts;
    }

    /**
     * Sends a rejected delivery again after its cause was corrected in our records (e.g. the person's rank entered):
     * a PERSON or LEVEL section is made again from the records as they are now; a TRAINING section as it came from
     * enrolment-service (a correction there arrives as a new completed event). Audited.
     */
    @Transactional
    public NationalDelivery resend(UUID id) {
        NationalDelivery d = get(id);
        if (d.status != DeliveryStatus.REJECTED) {
            throw ProblemException.conflict("national-delivery-not-rejected", id, d.status.name());
        }
        Person person = Person.findById(d.personId);
        Map<String, Object> before = snapshot(d);
        if (d.section == FileSection.PERSON) {
            d.content = NationalFileFormat.person(person);
        } else if (d.section == FileSection.LEVEL) {
            Qualification q = Qualification.findById(UUID.fromString(d.sectionKey));
            if (q != null) {
                d.content = NationalFileFormat.level(person, q);
            }
        }
        d.revision++;
        d.status = d.overdueAt != null ? DeliveryStatus.OVERDUE : DeliveryStatus.PENDING;
        d.nextAttemptAt = ProvinceTime.now();
        audit.record("national-delivery", d.id, "resent", before, snapshot(d));
        return d;
    }

    private static Map<String, Object> snapshot(NationalDelivery d) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("personnelId", d.personId.toString());
        s.put("section", d.section.name());
        s.put("status", d.status.name());
        s.put("revision", d.revision);
        s.put("rejection", NationalFileFormat.reasons(d.rejection));
        return s;
    }

    /** The sections we would send for the person now: PERSON, each LEVEL, each TRAINING recorded. */
    public static List<String> currentSections(Person person) {
        List<String> sections = new ArrayList<>();
        sections.add(NationalFileFormat.person(person));
        for (Qualification q : Qualification.of(person.id)) {
            sections.add(NationalFileFormat.level(person, q));
        }
        NationalDelivery.<NationalDelivery>find("personId = ?1 and section = ?2 order by sequence", person.id,
                FileSection.TRAINING).stream()
                .collect(java.util.stream.Collectors.toMap(d -> d.sectionKey, d -> d.content, (a, b) -> b,
                        LinkedHashMap::new))
                .values().forEach(sections::add);
        return sections;
    }
}

package vn.gov.training.enrolment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.gov.training.enrolment.domain.PersonCopy;
import vn.gov.training.enrolment.domain.Refs;
import vn.gov.training.platform.testing.RealInfrastructure;

/** The person copy, written from a batch of personnel events without reading the copies first. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class PersonCopyTest {

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void units() {
        Copies.units();
    }

    @Test
    void theLastEventOfAPersonWinsAndAnEventWithoutTheDigestKeepsIt() {
        UUID id = UUID.randomUUID();
        Map<String, Object> registered = Copies.person(id);
        registered.put("nationalIdDigest", "digest-" + id);
        Map<String, Object> renamed = Copies.person(id);
        renamed.put("fullName", "Trần Văn Đức");
        renamed.put("rankCode", "SENIOR_SPECIALIST");
        renamed.put("status", "ON_LEAVE");
        // one send: the consumer may get them in one batch or two, the copy must be the same
        Copies.sendPeople("updated", List.of(registered, renamed));
        Copies.awaitPerson(id.toString(), "ON_LEAVE");

        PersonCopy copy = QuarkusTransaction.requiringNew().call(() -> PersonCopy.<PersonCopy>findById(id));
        assertEquals("Trần Văn Đức", copy.fullName);
        assertEquals("tran van duc", copy.searchName);
        assertEquals("SENIOR_SPECIALIST", copy.rankCode);
        assertEquals("digest-" + id, copy.nationalIdDigest, "an event without the digest keeps the copy's");
        assertEquals(List.of(new Refs.Qualification("EDUCATION", "BACHELOR", LocalDate.of(2012, 6, 30))),
                copy.qualifications);
        assertEquals(4, copy.ratings.size());
    }

    @Test
    void theJsonColumnsAreWhatHibernateWritesForTheSameLists() {
        UUID id = UUID.randomUUID();
        Map<String, Object> person = Copies.person(id);
        person.put("plannedTitles", List.of(Map.of("planId", UUID.randomUUID().toString(), "titleCode",
                "TRUONG-PHONG", "orgUnitCode", "HG.VT", "termStart", 2025, "termEnd", 2030, "status", "ACTIVE")));
        Copies.person(person);

        // the same lists written by Hibernate for another id, then both rows compared as text in the database
        UUID twin = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            PersonCopy projected = PersonCopy.findById(id);
            PersonCopy written = new PersonCopy();
            written.personnelId = twin;
            written.fullName = projected.fullName;
            written.searchName = projected.searchName;
            written.status = projected.status;
            written.qualifications = projected.qualifications;
            written.ratings = projected.ratings;
            written.plannedTitles = projected.plannedTitles;
            written.updatedAt = OffsetDateTime.now();
            written.persist();
        });
        Object[] compared = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery("""
                        select a.qualifications::text = b.qualifications::text, a.ratings::text = b.ratings::text,
                            a.planned_titles::text = b.planned_titles::text, a.qualifications::text
                        from person_copy a, person_copy b where a.personnel_id = ?1 and b.personnel_id = ?2""")
                .setParameter(1, id).setParameter(2, twin).getSingleResult());
        assertEquals(List.of(true, true, true), List.of(compared[0], compared[1], compared[2]),
                "projected " + compared[3]);
        assertTrue(((String) compared[3]).contains("BACHELOR"));
    }
}

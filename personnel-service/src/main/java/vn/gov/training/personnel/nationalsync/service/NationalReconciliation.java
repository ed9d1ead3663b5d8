package vn.gov.training.personnel.nationalsync.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import vn.gov.training.personnel.domain.Person;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.web.PageResponse;

/**
 * Compares people's national files (GET of the national side, one per person) with what we would send now, a page
 * of people at a time, and lists the people whose file differs, with the names of the fields that differ.
 */
@ApplicationScoped
public class NationalReconciliation {

    /** A person whose national file differs from our records. */
    public record Mismatch(UUID personnelId, String fullName, String orgUnitCode, List<String> differences) {
    }

    /** One page of people checked: how many were checked, and those that differ. */
    public record Result(int page, int size, long people, int checked, List<Mismatch> mismatches) {
    }

    private final NationalRegistryClient client;

    NationalReconciliation(NationalRegistryClient client) {
        this.client = client;
    }

    public Result check(UUID personnelId, int page, int size) {
        List<Person> people;
        long total;
        if (personnelId != null) {
            Person p = Person.findById(personnelId);
            if (p == null) {
                throw ProblemException.notFound("person-not-found", personnelId);
            }
            people = List.of(p);
            total = 1;
        } else {
            var all = Person.<Person>findAll(Sort.by("id"));
            total = all.count();
            people = all.page(Page.of(page, size)).list();
        }
        List<Mismatch> mismatches = new ArrayList<>();
        for (Person p : people) {
            String theirs = fetch(p.nationalId);
            List<String> differences = NationalFileFormat.differences(NationalDeliveries.currentSections(p), theirs);
            if (!differences.isEmpty()) {
                mismatches.add(new Mismatch(p.id, p.fullName, p.orgUnitCode, differences));
            }
        }
        return new Result(page, size, total, people.size(), mismatches);
    }

    private String fetch(String nationalId) {
        try {
            NationalRegistryClient.Reply reply = client.get(NationalFileFormat.filePath(nationalId));
            if (reply.status() == 404) {
                return null;
            }
            if (reply.status() != 200) {
                throw new ProblemException(503, "national-registry-unavailable", "HTTP " + reply.status());
            }
            return reply.body();
        } catch (java.io.IOException e) {
            throw new ProblemException(503, "national-registry-unavailable", e.getClass().getSimpleName());
        }
    }
}

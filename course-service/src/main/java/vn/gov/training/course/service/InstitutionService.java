package vn.gov.training.course.service;

import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

import vn.gov.training.course.domain.Institution;
import vn.gov.training.course.domain.InstitutionKind;
import vn.gov.training.platform.problem.Messages;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.text.VietnameseText;
import vn.gov.training.platform.time.ProvinceTime;
import vn.gov.training.platform.web.PageResponse;

/** Registers and changes training institutions (province staff only; the resource checks the role). */
@ApplicationScoped
public class InstitutionService {

    static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final Messages messages;

    InstitutionService(Messages messages) {
        this.messages = messages;
    }

    /**
     * Institutions by code; {@code q} (optional) finds a part of the name, ignoring case and diacritics, or of the
     * code; {@code kind} optional.
     */
    public PageResponse<Institution> search(String q, InstitutionKind kind, int page, int size) {
        String key = q == null ? null : "%" + ProgramQueries.escapeLike(VietnameseText.fold(q)) + "%";
        var query = Institution.<Institution>find(
                "(:key is null or searchName like :key or lower(code) like :key) and (:kind is null or kind = :kind)",
                Sort.by("code"), Parameters.with("key", key).and("kind", kind));
        return new PageResponse<>(query.page(page, size).list(), page, size, query.count());
    }

    @Transactional
    public Institution create(String code, String name, InstitutionKind kind, String country) {
        if (Institution.findById(code) != null) {
            throw ProblemException.conflict("institution-exists", code);
        }
        Institution institution = new Institution();
        institution.code = code;
        institution.createdAt = ProvinceTime.now();
        apply(institution, name, kind, country);
        institution.persist();
        return institution;
    }

    @Transactional
    public Institution update(String code, String name, InstitutionKind kind, String country) {
        Institution institution = get(code);
        apply(institution, name, kind, country);
        return institution;
    }

    public Institution get(String code) {
        Institution institution = Institution.findById(code);
        if (institution == null) {
            throw ProblemException.notFound("institution-not-found", code);
        }
        return institution;
    }

    private void apply(Institution institution, String name, InstitutionKind kind, String country) {
        String countryCode = country == null ? "VN" : country;
        new Violations(messages).check(COUNTRIES.contains(countryCode), "country", "country").throwIfAny();
        institution.rename(VietnameseText.normalize(name));
        institution.kind = kind;
        institution.country = countryCode;
        institution.updatedAt = ProvinceTime.now();
    }
}

package vn.gov.training.course.service;

import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.course.domain.Institution;
import vn.gov.training.course.domain.InstitutionKind;
import vn.gov.training.platform.problem.Messages;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.text.VietnameseText;
import vn.gov.training.platform.time.ProvinceTime;

/** Registers and changes training institutions (province staff only; the resource checks the role). */
@ApplicationScoped
public class InstitutionService {

    static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final Messages messages;

    InstitutionService(Messages messages) {
        this.messages = messages;
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

package vn.gov.training.personnel.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.personnel.domain.OrgUnitKind;
import vn.gov.training.personnel.domain.OrgUnitVersion;
import vn.gov.training.personnel.domain.Person;
import vn.gov.training.personnel.domain.PersonStatus;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.text.VietnameseText;

/**
 * Creates and changes organisational units. Every change is effective-dated: it closes the unit's latest version
 * on the effective date and opens the next, so the tree of any past date can be read back. Each change is audited
 * and published on the {@code org-unit} topic in the same transaction.
 */
@ApplicationScoped
public class OrgUnitService {

    private static final String AUDIT_TYPE = "org-unit";

    private final PersonnelEvents events;
    private final AuditTrail audit;
    private final PersonnelService personnel;

    OrgUnitService(PersonnelEvents events, AuditTrail audit, PersonnelService personnel) {
        this.events = events;
        this.audit = audit;
        this.personnel = personnel;
    }

    @Transactional
    public OrgUnitVersion create(String code, String name, OrgUnitKind kind, String parentCode, LocalDate validFrom) {
        if (OrgUnitVersion.exists(code)) {
            throw ProblemException.conflict("org-unit-exists", code);
        }
        if (parentCode != null) {
            requireValidOn(parentCode, validFrom, "parentCode");
        }
        OrgUnitVersion unit = new OrgUnitVersion();
        unit.code = code;
        unit.rename(name);
        unit.kind = kind;
        unit.parentCode = parentCode;
        unit.validFrom = validFrom;
        unit.persist();
        publish("created", unit, validFrom);
        audit.record(AUDIT_TYPE, code, "created", null, snapshot(unit));
        return unit;
    }

    /** Renames or re-kinds a unit from {@code effectiveOn}; a change on the version's own start date corrects it. */
    @Transactional
    public OrgUnitVersion change(String code, String name, OrgUnitKind kind, LocalDate effectiveOn) {
        OrgUnitVersion current = latestOpen(code);
        Object before = snapshot(current);
        OrgUnitVersion next = versionFrom(current, effectiveOn);
        if (name != null) {
            next.rename(name);
        }
        if (kind != null) {
            next.kind = kind;
        }
        publish("changed", next, effectiveOn);
        audit.record(AUDIT_TYPE, code, "changed", before, snapshot(next));
        return next;
    }

    @Transactional
    public OrgUnitVersion move(String code, String newParentCode, LocalDate effectiveOn) {
        OrgUnitVersion current = latestOpen(code);
        requireValidOn(newParentCode, effectiveOn, "parentCode");
        if (subtreeOn(code, effectiveOn).contains(newParentCode)) {
            throw ProblemException.conflict("org-unit-cycle", code, newParentCode);
        }
        Object before = snapshot(current);
        OrgUnitVersion next = versionFrom(current, effectiveOn);
        next.parentCode = newParentCode;
        publish("moved", next, effectiveOn);
        audit.record(AUDIT_TYPE, code, "moved", before, snapshot(next));
        return next;
    }

    /**
     * Merges {@code sourceCodes} into {@code targetCode} on {@code effectiveOn}: the sources end there, their
     * sub-units move under the target, and their staff move to the target unit from the same date.
     */
    @Transactional
    public List<OrgUnitVersion> merge(List<String> sourceCodes, String targetCode, LocalDate effectiveOn) {
        requireValidOn(targetCode, effectiveOn, "targetCode");
        List<OrgUnitVersion> merged = new ArrayList<>();
        for (String sourceCode : sourceCodes) {
            if (sourceCode.equals(targetCode)) {
                throw ProblemException.invalid("org-unit-merge-into-itself", sourceCode);
            }
            OrgUnitVersion source = latestOpen(sourceCode);
            for (OrgUnitVersion child : childrenOn(sourceCode, effectiveOn)) {
                move(child.code, targetCode, effectiveOn);
            }
            for (Person person : Person.<Person>list("orgUnitCode = ?1 and status <> ?2", sourceCode,
                    PersonStatus.LEFT)) {
                personnel.moveTo(person, targetCode, effectiveOn, "UNIT_MERGED", "unit-merged");
            }
            Object before = snapshot(source);
            OrgUnitVersion last = closeOn(source, effectiveOn);
            last.mergedInto = targetCode;
            publish("merged", last, effectiveOn);
            audit.record(AUDIT_TYPE, sourceCode, "merged", before, snapshot(last));
            merged.add(last);
        }
        return merged;
    }

    /** Ends a unit that has no sub-units and no staff left (they are transferred, or the unit is merged instead). */
    @Transactional
    public OrgUnitVersion dissolve(String code, LocalDate effectiveOn) {
        OrgUnitVersion current = latestOpen(code);
        if (!childrenOn(code, effectiveOn).isEmpty()) {
            throw ProblemException.conflict("org-unit-has-children", code);
        }
        long staff = Person.count("orgUnitCode = ?1 and status <> ?2", code, PersonStatus.LEFT);
        if (staff > 0) {
            throw ProblemException.conflict("org-unit-has-staff", code, staff).with("activeStaff", staff);
        }
        Object before = snapshot(current);
        OrgUnitVersion last = closeOn(current, effectiveOn);
        publish("dissolved", last, effectiveOn);
        audit.record(AUDIT_TYPE, code, "dissolved", before, snapshot(last));
        return last;
    }

    /** Units valid on {@code date}; with {@code q}, those whose name (ignoring case and diacritics) or code has it. */
    public List<OrgUnitVersion> on(LocalDate date, String q) {
        String key = q == null || q.isBlank() ? null : VietnameseText.fold(q);
        return OrgUnitVersion.allOn(date).stream()
                .filter(u -> key == null || u.searchName.contains(key) || u.code.equalsIgnoreCase(q.strip()))
                .toList();
    }

    /** The unit as it was on {@code at}; without {@code at}, its latest version (open or not). */
    public OrgUnitVersion get(String code, LocalDate at) {
        OrgUnitVersion unit = at == null
                ? OrgUnitVersion.latest(code).or(() -> OrgUnitVersion.history(code).stream()
                        .max(Comparator.comparing(v -> v.validFrom))).orElse(null)
                : OrgUnitVersion.on(code, at).orElse(null);
        if (unit == null) {
            throw ProblemException.notFound("org-unit-not-found", code);
        }
        return unit;
    }

    /** Every version of the unit, oldest first. */
    public List<OrgUnitVersion> history(String code) {
        List<OrgUnitVersion> versions = OrgUnitVersion.history(code);
        if (versions.isEmpty()) {
            throw ProblemException.notFound("org-unit-not-found", code);
        }
        return versions;
    }

    /** Codes of the unit and all units below it on {@code date}. */
    public Set<String> subtreeOn(String code, LocalDate date) {
        List<OrgUnitVersion> all = OrgUnitVersion.allOn(date);
        Set<String> subtree = new HashSet<>();
        subtree.add(code);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (OrgUnitVersion unit : all) {
                if (unit.parentCode != null && subtree.contains(unit.parentCode) && subtree.add(unit.code)) {
                    grew = true;
                }
            }
        }
        return subtree;
    }

    private List<OrgUnitVersion> childrenOn(String code, LocalDate date) {
        return OrgUnitVersion.list("parentCode = ?1 and validTo is null and validFrom <= ?2", code, date);
    }

    private OrgUnitVersion latestOpen(String code) {
        return OrgUnitVersion.latest(code).orElseThrow(() -> ProblemException.notFound("org-unit-not-found", code));
    }

    private void requireValidOn(String code, LocalDate date, String field) {
        if (OrgUnitVersion.on(code, date).isEmpty()) {
            throw ProblemException.invalid("org-unit-unknown", code, date).with("field", field);
        }
    }

    /** The version that holds from {@code effectiveOn}: this one corrected in place, or a new successor. */
    private OrgUnitVersion versionFrom(OrgUnitVersion current, LocalDate effectiveOn) {
        if (effectiveOn.isBefore(current.validFrom)) {
            throw ProblemException.invalid("org-unit-change-before-version", current.code, current.validFrom);
        }
        if (effectiveOn.equals(current.validFrom)) {
            return current;
        }
        OrgUnitVersion next = current.successor(effectiveOn);
        current.flush();
        next.persist();
        return next;
    }

    private OrgUnitVersion closeOn(OrgUnitVersion current, LocalDate effectiveOn) {
        if (!effectiveOn.isAfter(current.validFrom)) {
            throw ProblemException.invalid("org-unit-change-before-version", current.code, current.validFrom);
        }
        current.validTo = effectiveOn;
        return current;
    }

    private void publish(String event, OrgUnitVersion version, LocalDate effectiveOn) {
        events.orgUnit(event, version, effectiveOn);
    }

    private static Object snapshot(OrgUnitVersion v) {
        return new OrgUnitSnapshot(v.code, v.name, v.kind, v.parentCode, v.validFrom, v.validTo, v.mergedInto);
    }

    private record OrgUnitSnapshot(String code, String name, OrgUnitKind kind, String parentCode, LocalDate validFrom,
                                   LocalDate validTo, String mergedInto) {
    }

}

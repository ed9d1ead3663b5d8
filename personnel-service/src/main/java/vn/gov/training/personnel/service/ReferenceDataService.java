package vn.gov.training.personnel.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

import vn.gov.training.personnel.domain.JobPosition;
import vn.gov.training.personnel.domain.OrgUnitVersion;
import vn.gov.training.personnel.domain.QualificationKind;
import vn.gov.training.personnel.domain.Rank;
import vn.gov.training.personnel.domain.RoleType;
import vn.gov.training.personnel.domain.Standard;
import vn.gov.training.personnel.domain.Title;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.text.VietnameseText;
import vn.gov.training.platform.time.ProvinceTime;

/** Ranks, titles, job positions and their effective-dated standards. Codes are stable; names may change. */
@ApplicationScoped
public class ReferenceDataService {

    private final AuditTrail audit;
    private final PersonValidator validator;

    ReferenceDataService(AuditTrail audit, PersonValidator validator) {
        this.audit = audit;
        this.validator = validator;
    }

    public List<Rank> ranks() {
        return Rank.listAll(Sort.by("code"));
    }

    public List<Title> titles() {
        return Title.listAll(Sort.by("code"));
    }

    /** Every job position, or with {@code unit} those a holder there may have today. */
    public List<JobPosition> jobPositions(String unit) {
        return unit == null ? JobPosition.listAll(Sort.by("code"))
                : JobPosition.availableIn(unit, ProvinceTime.today());
    }

    /** The standards of a role valid on {@code at}; without {@code at}, the whole history. */
    public List<Standard> standards(RoleType type, String code, LocalDate at) {
        return at == null ? Standard.all(type, code) : Standard.on(type, code, at);
    }

    @Transactional
    public Rank saveRank(String code, String name, String category) {
        Rank r = Rank.findById(code);
        if (r == null) {
            r = new Rank();
            r.code = code;
        }
        r.name = VietnameseText.normalize(name);
        r.category = category;
        // persisted once its required columns are set: the audit insert flushes the session
        r.persist();
        audit.record("rank", code, "saved", null, r.name);
        return r;
    }

    @Transactional
    public Title saveTitle(String code, String name) {
        Title t = Title.findById(code);
        if (t == null) {
            t = new Title();
            t.code = code;
        }
        t.name = VietnameseText.normalize(name);
        t.persist();
        audit.record("title", code, "saved", null, t.name);
        return t;
    }

    @Transactional
    public JobPosition saveJobPosition(String code, String name, String orgUnitCode) {
        if (orgUnitCode != null && OrgUnitVersion.latest(orgUnitCode).isEmpty()) {
            throw ProblemException.invalid(List.of(validator.error("orgUnitCode", "unknown-unit", orgUnitCode)));
        }
        JobPosition j = JobPosition.findById(code);
        if (j == null) {
            j = new JobPosition();
            j.code = code;
        }
        j.name = VietnameseText.normalize(name);
        j.orgUnitCode = orgUnitCode;
        j.persist();
        audit.record("job-position", code, "saved", null, j.name);
        return j;
    }

    /** A new requirement from {@code validFrom}; it replaces the open one of the same kind and category then. */
    @Transactional
    public Standard addStandard(RoleType type, String code, QualificationKind kind, String level, String category,
                                LocalDate validFrom) {
        boolean exists = type == RoleType.TITLE ? Title.findById(code) != null : JobPosition.findById(code) != null;
        if (!exists) {
            throw ProblemException.notFound(type == RoleType.TITLE ? "title-not-found" : "job-position-not-found",
                    code);
        }
        if (kind == null || !kind.accepts(level)) {
            throw ProblemException.invalid(List.of(validator.error("level", "unknown-level", level, kind)));
        }
        for (Standard open : Standard.<Standard>list("roleType = ?1 and roleCode = ?2 and kind = ?3 and validTo is null",
                type, code, kind)) {
            if (Objects.equals(open.category, category) && open.validFrom.isBefore(validFrom)) {
                open.validTo = validFrom;
            } else if (Objects.equals(open.category, category)) {
                open.delete();
            }
        }
        Standard s = new Standard();
        s.roleType = type;
        s.roleCode = code;
        s.kind = kind;
        s.level = level;
        s.category = category;
        s.validFrom = validFrom;
        s.persist();
        audit.record("standard", type + ":" + code, "added", null, kind + ":" + level + " from " + validFrom);
        return s;
    }
}

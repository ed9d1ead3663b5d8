package vn.gov.training.course.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.course.domain.LevelRef;
import vn.gov.training.course.domain.Levels;
import vn.gov.training.course.domain.PersonnelCodes;
import vn.gov.training.course.domain.Program;
import vn.gov.training.course.domain.ProgramCategory;
import vn.gov.training.course.domain.ProgramStatus;
import vn.gov.training.course.domain.ProgramVersion;
import vn.gov.training.course.domain.StaffCategory;
import vn.gov.training.course.domain.TargetGroups;
import vn.gov.training.course.event.ProgramEventData;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.problem.Messages;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.time.ProvinceTime;

/**
 * The catalogue's programmes. A draft is edited in place and publishes nothing; publishing freezes its version;
 * a change to a published programme adds the next version ({@code program.revised}), so classes scheduled on the
 * old one keep it.
 */
@ApplicationScoped
public class ProgramService {

    private static final String AUDIT_TYPE = "program";

    private final CourseEvents events;
    private final AuditTrail audit;
    private final Messages messages;

    ProgramService(CourseEvents events, AuditTrail audit, Messages messages) {
        this.events = events;
        this.audit = audit;
        this.messages = messages;
    }

    @Transactional
    public Program create(ProgramFields fields) {
        Violations violations = validate(fields);
        violations.check(fields.code() != null, "code", "required");
        violations.throwIfAny();
        if (Program.byCode(fields.code()).isPresent()) {
            throw ProblemException.conflict("program-exists", fields.code())
                    .with("existingId", Program.byCode(fields.code()).get().id);
        }
        Program program = new Program();
        program.id = UUID.randomUUID();
        program.code = fields.code();
        program.status = ProgramStatus.DRAFT;
        program.currentVersion = 1;
        program.createdAt = ProvinceTime.now();
        program.updatedAt = program.createdAt;
        program.persist();
        ProgramVersion version = newVersion(program, 1);
        apply(version, fields, program.code);
        version.persist();
        audit.record(AUDIT_TYPE, program.id, "created", null, ProgramEventData.of(program, version));
        return program;
    }

    /** Replaces the content: in place for a draft, as a new version once published; a retired one is frozen. */
    @Transactional
    public Program update(UUID id, ProgramFields fields) {
        Program program = get(id);
        Violations violations = validate(fields);
        violations.check(fields.code() == null || fields.code().equals(program.code), "code", "immutable");
        violations.throwIfAny();
        ProgramVersion current = program.current();
        if (program.status == ProgramStatus.RETIRED) {
            throw ProblemException.conflict("program-retired", program.code);
        }
        ProgramVersion proposed = newVersion(program, program.currentVersion);
        apply(proposed, fields, program.code);
        if (current.sameContent(proposed)) {
            return program;
        }
        Object before = ProgramEventData.of(program, current);
        program.updatedAt = ProvinceTime.now();
        if (program.status == ProgramStatus.PUBLISHED) {
            program.currentVersion++;
        }
        Concurrency.flush(program.code);
        if (program.status == ProgramStatus.DRAFT) {
            apply(current, fields, program.code);
        } else {
            ProgramVersion next = newVersion(program, program.currentVersion);
            apply(next, fields, program.code);
            next.persist();
            publish("revised", program, next);
        }
        audit.record(AUDIT_TYPE, program.id, "changed", before, ProgramEventData.of(program, program.current()));
        return program;
    }

    @Transactional
    public Program publish(UUID id) {
        Program program = transition(id, ProgramStatus.PUBLISHED);
        program.publishedAt = program.updatedAt;
        publish("published", program, program.current());
        return program;
    }

    @Transactional
    public Program retire(UUID id) {
        Program program = transition(id, ProgramStatus.RETIRED);
        program.retiredAt = program.updatedAt;
        publish("retired", program, program.current());
        return program;
    }

    public Program get(UUID id) {
        Program program = Program.findById(id);
        if (program == null) {
            throw ProblemException.notFound("program-not-found", id);
        }
        return program;
    }

    /** Every version of a programme, oldest first. */
    public List<ProgramVersion> versions(UUID id) {
        return ProgramVersion.history(id);
    }

    public Optional<ProgramVersion> version(UUID id, int version) {
        return ProgramVersion.of(id, version);
    }

    private Program transition(UUID id, ProgramStatus target) {
        Program program = get(id);
        if (!program.status.canBecome(target)) {
            throw ProblemException.conflict("program-transition-not-allowed", program.status, target)
                    .with("currentStatus", program.status).with("allowed", program.status.next());
        }
        Object before = ProgramEventData.of(program, program.current());
        program.status = target;
        program.updatedAt = ProvinceTime.now();
        audit.record(AUDIT_TYPE, program.id, target.name().toLowerCase(), before,
                ProgramEventData.of(program, program.current()));
        return program;
    }

    private void publish(String event, Program program, ProgramVersion version) {
        events.program(event, program, version);
    }

    private static ProgramVersion newVersion(Program program, int number) {
        ProgramVersion version = new ProgramVersion();
        version.programId = program.id;
        version.version = number;
        version.createdAt = ProvinceTime.now();
        return version;
    }

    private static void apply(ProgramVersion v, ProgramFields r, String code) {
        v.rename(r.name());
        v.refreshSearchKey(code);
        v.category = r.category();
        v.level = r.level();
        v.periods = r.periods();
        v.days = r.days();
        v.deliveryMode = r.deliveryMode();
        v.credential = r.credential();
        v.grantsKind = r.grantsLevel() == null ? null : r.grantsLevel().kind();
        v.grantsLevel = r.grantsLevel() == null ? null : r.grantsLevel().level();
        v.yearlyMinimumPeriods = r.yearlyMinimumPeriods() == null ? 0 : r.yearlyMinimumPeriods();
        v.targetGroups = r.targetGroups() == null ? TargetGroups.none() : r.targetGroups().normalized();
        v.prerequisites = r.prerequisites() == null ? List.of() : List.copyOf(r.prerequisites());
        v.requiredRankCodes = r.requiredRankCodes() == null ? List.of()
                : r.requiredRankCodes().stream().map(String::strip).distinct().toList();
        v.postgraduate = Boolean.TRUE.equals(r.postgraduate());
        v.overseas = Boolean.TRUE.equals(r.overseas());
        v.maxExitExamRetakes = r.maxExitExamRetakes() == null ? 1 : r.maxExitExamRetakes();
        v.description = r.description();
    }

    /** The rules that span fields; every broken one is reported. */
    private Violations validate(ProgramFields r) {
        Violations v = new Violations(messages);
        ProgramCategory category = r.category();
        String allowed = String.join(", ", Levels.forCategory(category));
        if (r.level() == null) {
            v.check(!Levels.isRequired(category), "level", "level-required", category, allowed);
        } else if (!Levels.isValid(category, r.level())) {
            v.add("level", Levels.forCategory(category).isEmpty() ? "level-not-used" : "level-not-for-category",
                    category, allowed);
        }
        if (Boolean.TRUE.equals(r.postgraduate()) && !v.has("level")) {
            v.check(category == ProgramCategory.PROFESSIONAL
                    && ("MASTER".equals(r.level()) || "DOCTORATE".equals(r.level())), "level", "postgraduate-level");
        }
        v.check(r.periods() != null || r.days() != null, "periods", "length-required");
        if (r.periods() != null && r.yearlyMinimumPeriods() != null) {
            v.check(r.yearlyMinimumPeriods() <= r.periods(), "yearlyMinimumPeriods", "exceeds-periods", r.periods());
        }
        if (r.grantsLevel() != null) {
            checkLevel(v, "grantsLevel", r.grantsLevel());
        }
        if (r.prerequisites() != null) {
            for (int i = 0; i < r.prerequisites().size(); i++) {
                checkLevel(v, "prerequisites[" + i + "]", r.prerequisites().get(i));
            }
        }
        if (r.requiredRankCodes() != null) {
            for (int i = 0; i < r.requiredRankCodes().size(); i++) {
                String value = r.requiredRankCodes().get(i);
                if (value != null && !value.isBlank()) {
                    v.check(PersonnelCodes.isRank(value), "requiredRankCodes[" + i + "]", "unknown-value", value);
                }
            }
        }
        if (r.targetGroups() != null) {
            r.targetGroups().byName().forEach((name, values) -> {
                if (values == null) {
                    return;
                }
                for (int i = 0; i < values.size(); i++) {
                    String value = values.get(i);
                    String field = "targetGroups." + name + "[" + i + "]";
                    if (value == null || value.isBlank()) {
                        v.add(field, "required");
                    } else if (!knownTarget(name, value.strip())) {
                        v.add(field, "unknown-value", value);
                    }
                }
            });
        }
        return v;
    }

    private static void checkLevel(Violations v, String field, LevelRef level) {
        if (!Levels.isQualificationKind(level.kind())) {
            v.add(field + ".kind", "unknown-qualification-kind", level.kind(),
                    String.join(", ", Levels.qualificationKinds().stream().sorted().toList()));
        } else if (!Levels.isValidQualification(level.kind(), level.level())) {
            v.add(field + ".level", "unknown-qualification-level", level.kind(), level.level());
        }
    }

    /** Ranks, management tiers, staff categories and defence groups are closed lists; titles and positions are not. */
    private static boolean knownTarget(String dimension, String value) {
        return switch (dimension) {
            case "categories" -> isStaffCategory(value);
            case "rankCodes" -> PersonnelCodes.isRank(value);
            case "managementTiers" -> PersonnelCodes.isManagementTier(value);
            case "defenceGroups" -> Levels.isDefenceGroup(value);
            default -> true;
        };
    }

    private static boolean isStaffCategory(String value) {
        for (StaffCategory category : StaffCategory.values()) {
            if (category.name().equals(value)) {
                return true;
            }
        }
        return false;
    }
}

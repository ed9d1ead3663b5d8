package vn.gov.training.course.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.gov.training.course.domain.ClassSession;
import vn.gov.training.course.domain.ClassStatus;
import vn.gov.training.course.domain.CourseClass;
import vn.gov.training.course.domain.FundingShare;
import vn.gov.training.course.domain.FundingSource;
import vn.gov.training.course.domain.Institution;
import vn.gov.training.course.domain.Location;
import vn.gov.training.course.domain.Program;
import vn.gov.training.course.domain.ProgramStatus;
import vn.gov.training.course.domain.ProgramVersion;
import vn.gov.training.course.event.ClassEventData;
import vn.gov.training.course.event.ProgramEventData;
import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.problem.Messages;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.text.VietnameseText;
import vn.gov.training.platform.time.ProvinceTime;

/**
 * Schedules classes of published programmes and moves them through their life cycle. Every change is checked in
 * full before anything is written, audited, and published on the {@code course} topic with the programme as of
 * the version the class was scheduled with.
 */
@ApplicationScoped
public class ClassService {

    private static final String AUDIT_TYPE = "class";

    private final CourseEvents events;
    private final AuditTrail audit;
    private final Messages messages;
    private final ClassAccess access;

    ClassService(CourseEvents events, AuditTrail audit, Messages messages, ClassAccess access) {
        this.events = events;
        this.audit = audit;
        this.messages = messages;
        this.access = access;
    }

    @Transactional
    public CourseClass schedule(ClassFields fields) {
        access.requirePlacement(fields.institutionCode(), fields.organisingUnitCode(), null);
        Violations violations = new Violations(messages);
        violations.check(fields.code() != null, "code", "required");
        Program program = null;
        if (fields.programId() == null) {
            violations.add("programId", "required");
        } else {
            program = Program.findById(fields.programId());
            if (program == null) {
                violations.add("programId", "unknown-program", fields.programId());
            } else if (program.status != ProgramStatus.PUBLISHED) {
                violations.add("programId", "program-not-published", program.code, program.status);
            }
        }
        validate(fields, violations, null);
        violations.throwIfAny();
        CourseClass existing = CourseClass.byCode(fields.code()).orElse(null);
        if (existing != null) {
            throw ProblemException.conflict("class-exists", fields.code()).with("existingId", existing.id);
        }
        CourseClass c = new CourseClass();
        c.id = UUID.randomUUID();
        c.code = fields.code();
        c.programId = program.id;
        c.programVersion = program.currentVersion;
        ProgramVersion version = program.current();
        c.category = version.category;
        c.level = version.level;
        c.status = ClassStatus.PLANNED;
        c.revision = 0;
        c.createdAt = ProvinceTime.now();
        c.updatedAt = c.createdAt;
        apply(c, fields);
        c.persist();
        publish("scheduled", c);
        audit.record(AUDIT_TYPE, c.id, "scheduled", null, snapshot(c));
        return c;
    }

    @Transactional
    public CourseClass update(UUID id, ClassFields fields) {
        CourseClass c = get(id);
        access.requireManage(c.institutionCode, c.organisingUnitCode);
        if (!c.status.isEditable()) {
            throw ProblemException.conflict("class-not-editable", c.code, c.status).with("currentStatus", c.status);
        }
        access.requirePlacement(fields.institutionCode(), fields.organisingUnitCode(), c);
        Violations violations = new Violations(messages);
        violations.check(fields.code() == null || fields.code().equals(c.code), "code", "immutable");
        violations.check(fields.programId() == null || fields.programId().equals(c.programId), "programId",
                "immutable");
        validate(fields, violations, c);
        violations.throwIfAny();
        ClassEventData before = snapshot(c);
        apply(c, fields);
        ClassEventData after = ClassEventData.of(c, before.program());
        if (after.equals(before)) {
            return c;
        }
        c.revision++;
        c.updatedAt = ProvinceTime.now();
        Concurrency.flush(c.code);
        publish("changed", c);
        audit.record(AUDIT_TYPE, c.id, "changed", before, after);
        return c;
    }

    @Transactional
    public CourseClass open(UUID id) {
        return transition(id, ClassStatus.OPEN, null, "opened");
    }

    /**
     * A class starts on its start date, not before: a class that really begins earlier is rescheduled first (an
     * audited change), so the dates every report counts by stay true.
     */
    @Transactional
    public CourseClass start(UUID id) {
        return transition(id, ClassStatus.IN_PROGRESS, null, "started");
    }

    /** A class cannot be completed before its start date (reschedule first, as for the start). */
    @Transactional
    public CourseClass complete(UUID id) {
        return transition(id, ClassStatus.COMPLETED, null, "completed");
    }

    /** 400 on {@code startDate} when the class's start date is after today (province time). */
    private void requireStartDateReached(CourseClass c, String code) {
        LocalDate today = ProvinceTime.today();
        new Violations(messages).check(c.startDate == null || !c.startDate.isAfter(today), "startDate", code,
                c.startDate, today).throwIfAny();
    }

    @Transactional
    public CourseClass cancel(UUID id, String reason) {
        return transition(id, ClassStatus.CANCELLED, VietnameseText.normalize(reason), "cancelled");
    }

    public CourseClass get(UUID id) {
        CourseClass c = CourseClass.findById(id);
        if (c == null) {
            throw ProblemException.notFound("class-not-found", id);
        }
        return c;
    }

    /** The programme as of the version the class uses, as events and views show it. */
    public ProgramEventData programOf(CourseClass c) {
        Program program = Program.findById(c.programId);
        return ProgramEventData.of(program, ProgramVersion.of(c.programId, c.programVersion).orElseThrow());
    }

    /**
     * The programmes (as of each class's version) of a page of classes, loaded in one query: every version of the
     * page's programmes with its programme, keyed by "programId:version".
     */
    public Map<String, ProgramEventData> programsOf(List<CourseClass> page) {
        Map<String, ProgramEventData> programs = new HashMap<>();
        if (page.isEmpty()) {
            return programs;
        }
        Set<String> wanted = new HashSet<>();
        Set<UUID> ids = new HashSet<>();
        for (CourseClass c : page) {
            wanted.add(programKey(c.programId, c.programVersion));
            ids.add(c.programId);
        }
        List<Object[]> rows = Program.getEntityManager()
                .createQuery("select p, v from Program p, ProgramVersion v where v.programId = p.id and p.id in :ids",
                        Object[].class)
                .setParameter("ids", ids).getResultList();
        for (Object[] row : rows) {
            Program program = (Program) row[0];
            ProgramVersion version = (ProgramVersion) row[1];
            String key = programKey(program.id, version.version);
            if (wanted.contains(key)) {
                programs.put(key, ProgramEventData.of(program, version));
            }
        }
        return programs;
    }

    public static String programKey(UUID programId, int version) {
        return programId + ":" + version;
    }

    private CourseClass transition(UUID id, ClassStatus target, String reason, String event) {
        CourseClass c = get(id);
        access.requireManage(c.institutionCode, c.organisingUnitCode);
        if (!c.status.canBecome(target)) {
            throw ProblemException.conflict("class-transition-not-allowed", c.code, c.status, target)
                    .with("currentStatus", c.status).with("allowed", c.status.next());
        }
        if (target == ClassStatus.IN_PROGRESS || target == ClassStatus.COMPLETED) {
            requireStartDateReached(c, target == ClassStatus.IN_PROGRESS ? "class-starts-later"
                    : "class-completed-before-start");
        }
        Object before = snapshot(c);
        c.status = target;
        c.cancelReason = reason;
        c.revision++;
        c.updatedAt = ProvinceTime.now();
        Concurrency.flush(c.code);
        publish(event, c);
        audit.record(AUDIT_TYPE, c.id, event, before, snapshot(c));
        return c;
    }

    private void publish(String event, CourseClass c) {
        events.courseClass(event, snapshot(c));
    }

    private ClassEventData snapshot(CourseClass c) {
        return ClassEventData.of(c, programOf(c));
    }

    private void apply(CourseClass c, ClassFields r) {
        c.institutionCode = r.institutionCode();
        c.organisingUnitCode = r.organisingUnitCode();
        c.location = r.location() == null ? Location.DOMESTIC : r.location();
        c.country = r.country() == null ? "VN" : r.country();
        c.venue = VietnameseText.normalize(r.venue());
        c.startDate = r.startDate();
        c.endDate = r.endDate();
        c.capacity = r.capacity();
        c.minCapacity = r.minCapacity() == null ? 0 : r.minCapacity();
        c.registrationOpensOn = r.registrationOpensOn();
        c.registrationClosesOn = r.registrationClosesOn();
        c.costPerLearnerVnd = r.costPerLearnerVnd();
        c.funding = funding(r);
        if (r.sessions() != null) {
            applySessions(c, r.sessions());
        }
    }

    /** Keeps the sessions whose ids are given (so calendars and attendance keep them), adds the others. */
    private static void applySessions(CourseClass c, List<ClassFields.Session> requested) {
        Map<UUID, ClassSession> kept = new HashMap<>();
        c.sessions.forEach(s -> kept.put(s.id, s));
        List<ClassSession> sessions = new ArrayList<>();
        for (ClassFields.Session r : requested) {
            ClassSession s = r.sessionId() == null ? null : kept.get(r.sessionId());
            if (s == null) {
                s = new ClassSession();
                s.id = UUID.randomUUID();
                s.courseClass = c;
            }
            s.date = r.date();
            s.startTime = r.startTime();
            s.endTime = r.endTime();
            s.topic = VietnameseText.normalize(r.topic());
            s.lecturer = VietnameseText.normalize(r.lecturer());
            sessions.add(s);
        }
        sessions.sort(Comparator.comparing((ClassSession s) -> s.date).thenComparing(s -> s.startTime));
        for (int i = 0; i < sessions.size(); i++) {
            sessions.get(i).position = i;
        }
        c.sessions.clear();
        c.sessions.addAll(sessions);
    }

    private static List<FundingShare> funding(ClassFields r) {
        if (r.funding() != null && !r.funding().isEmpty()) {
            return r.funding().stream().map(f -> new FundingShare(f.source(), f.percent())).toList();
        }
        return List.of(new FundingShare(r.fundingSource(), 100));
    }

    /** Every rule of a class's details; {@code existing} is the class being changed, null when scheduling. */
    private void validate(ClassFields r, Violations v, CourseClass existing) {
        if (Institution.findById(r.institutionCode()) == null) {
            v.add("institutionCode", "unknown-institution", r.institutionCode());
        }
        if (existing == null || !r.organisingUnitCode().equals(existing.organisingUnitCode)) {
            Units.checkCurrent(v, "organisingUnitCode", r.organisingUnitCode());
        }
        v.check(!r.endDate().isBefore(r.startDate()), "endDate", "before-start", r.startDate());
        v.check(!r.registrationClosesOn().isBefore(r.registrationOpensOn()), "registrationClosesOn",
                "before-registration-opens", r.registrationOpensOn());
        v.check(!r.registrationClosesOn().isAfter(r.endDate()), "registrationClosesOn", "after-class-end",
                r.endDate());
        if (r.minCapacity() != null) {
            v.check(r.minCapacity() <= r.capacity(), "minCapacity", "exceeds-capacity", r.capacity());
        }
        validateLocation(r, v);
        validateFunding(r, v);
        validateSessions(r, v, existing);
    }

    private static void validateLocation(ClassFields r, Violations v) {
        Location location = r.location() == null ? Location.DOMESTIC : r.location();
        if (r.country() != null && !InstitutionService.COUNTRIES.contains(r.country())) {
            v.add("country", "country");
        } else if (location == Location.DOMESTIC) {
            v.check(r.country() == null || r.country().equals("VN"), "country", "domestic-country");
        } else {
            v.check(r.country() != null && !r.country().equals("VN"), "country", "overseas-country");
        }
    }

    private static void validateFunding(ClassFields r, Violations v) {
        boolean split = r.funding() != null && !r.funding().isEmpty();
        if (split && r.fundingSource() != null) {
            v.add("fundingSource", "funding-both");
        } else if (!split && r.fundingSource() == null) {
            v.add("fundingSource", "required");
        } else if (split) {
            int sum = r.funding().stream().mapToInt(ClassFields.Funding::percent).sum();
            v.check(sum == 100, "funding", "funding-sum", sum);
            Set<FundingSource> seen = EnumSet.noneOf(FundingSource.class);
            for (ClassFields.Funding share : r.funding()) {
                if (!seen.add(share.source())) {
                    v.add("funding", "funding-duplicate", share.source());
                }
            }
        }
    }

    private static void validateSessions(ClassFields r, Violations v, CourseClass existing) {
        if (r.sessions() == null) {
            if (existing != null) {
                for (ClassSession s : existing.sessions) {
                    if (s.date.isBefore(r.startDate()) || s.date.isAfter(r.endDate())) {
                        v.add("startDate", "kept-session-outside-class", s.date, s.topic);
                    }
                }
            }
            return;
        }
        if (r.sessions().isEmpty() && existing != null && !existing.sessions.isEmpty()
                && existing.status.compareTo(ClassStatus.IN_PROGRESS) >= 0) {
            v.add("sessions", "sessions-in-use", existing.status);
        }
        Set<UUID> known = new HashSet<>();
        if (existing != null) {
            existing.sessions.forEach(s -> known.add(s.id));
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < r.sessions().size(); i++) {
            ClassFields.Session s = r.sessions().get(i);
            String field = "sessions[" + i + "]";
            v.check(!s.date().isBefore(r.startDate()) && !s.date().isAfter(r.endDate()), field + ".date",
                    "session-outside-class", r.startDate(), r.endDate());
            v.check(s.endTime().isAfter(s.startTime()), field + ".endTime", "before-start-time", s.startTime());
            if (s.sessionId() != null) {
                v.check(known.contains(s.sessionId()) && seen.add(s.sessionId()), field + ".sessionId",
                        "unknown-session", s.sessionId());
            }
        }
    }
}

package vn.gov.training.enrolment.service;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import vn.gov.training.enrolment.domain.ClassCopy;
import vn.gov.training.enrolment.domain.EnrolmentStatus;
import vn.gov.training.enrolment.domain.Grade;
import vn.gov.training.enrolment.domain.ProgramCopy;
import vn.gov.training.platform.identity.NationalIdDigest;
import vn.gov.training.platform.imports.CellError;
import vn.gov.training.platform.imports.Cells;
import vn.gov.training.platform.imports.Checked;
import vn.gov.training.platform.imports.ImportRunner;
import vn.gov.training.platform.imports.RowError;
import vn.gov.training.platform.imports.TabularFile;
import vn.gov.training.platform.problem.FieldError;
import vn.gov.training.platform.problem.Messages;
import vn.gov.training.platform.time.ProvinceTime;

/**
 * Checks the rows of a history file against this service's copies (people by national-ID digest, programmes and
 * classes from course events, turns already recorded) and turns the valid ones into {@link HistoryImport.Turn}s. Reads
 * in sets (a handful of queries for the whole file), never one query per row.
 */
@ApplicationScoped
public class HistoryRows {

    private final Messages messages;
    private final PlausibleRecords plausible;
    private final HistoryStore store;
    private final EntityManager entityManager;

    HistoryRows(Messages messages, PlausibleRecords plausible, HistoryStore store, EntityManager entityManager) {
        this.messages = messages;
        this.plausible = plausible;
        this.store = store;
        this.entityManager = entityManager;
    }

    /** A row read into typed values, with the errors of its cells so far. */
    private static final class Parsed {
        final TabularFile.Row row;
        final List<FieldError> errors = new ArrayList<>();
        String nationalId;
        String digest;
        String programCode;
        String category;
        String level;
        String classCode;
        String institutionCode;
        LocalDate startDate;
        LocalDate endDate;
        EnrolmentStatus status;
        Grade grade;
        LocalDate date;
        String credentialNumber;
        Long costVnd;
        String fundingSource;

        Parsed(TabularFile.Row row) {
            this.row = row;
        }

        String cell(String field) {
            return row.cell(field);
        }
    }

    /** The valid turns (new or already recorded alike) and the row errors. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Checked<HistoryImport.Turn> check(List<TabularFile.Row> rows, Set<String> scope) {
        List<Parsed> parsed = rows.stream().map(this::parse).toList();
        Map<String, HistoryStore.PersonRef> people = store.persons(parsed.stream().map(p -> p.digest)
                .filter(Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
        Catalogue catalogue = catalogue(parsed);

        List<HistoryImport.Turn> turns = new ArrayList<>();
        List<Parsed> turnRows = new ArrayList<>();
        Map<String, Integer> firstRowOfTurn = new HashMap<>();
        Map<String, Integer> firstRowOfCredential = new HashMap<>();
        for (Parsed p : parsed) {
            HistoryStore.PersonRef person = person(p, people, scope);
            ProgramCopy program = program(p, catalogue);
            ClassCopy cls = classOf(p, program, catalogue);
            if (cls != null) {
                PlausibleRecords.Check dates = plausible.of(cls)
                        .classStarted(p.classCode != null ? "classCode" : "startDate")
                        .duringOrAfterClass("completedOn", p.date);
                p.errors.addAll(dates.errors());
            }
            if (person != null && cls != null) {
                Integer first = firstRowOfTurn.putIfAbsent(HistoryStore.key(person.personnelId(), cls.classId),
                        p.row.number());
                if (first != null) {
                    p.errors.add(messages.fieldError("classCode", "duplicate-turn", first));
                }
            }
            if (p.credentialNumber != null) {
                Integer first = firstRowOfCredential.putIfAbsent(p.credentialNumber, p.row.number());
                if (first != null) {
                    p.errors.add(messages.fieldError("credentialNumber", "duplicate-credential", first));
                }
            }
            if (p.errors.isEmpty()) {
                turns.add(new HistoryImport.Turn(p.row.number(), person, cls, p.status, p.grade, p.date,
                        p.credentialNumber, p.costVnd, p.fundingSource));
                turnRows.add(p);
            }
        }
        compareWithRecorded(turns, turnRows);

        List<RowError> errors = new ArrayList<>();
        List<HistoryImport.Turn> valid = new ArrayList<>();
        for (Parsed p : parsed) {
            p.errors.forEach(e -> errors.add(new RowError(p.row.number(), e.field(), e.code(), e.message())));
        }
        for (int i = 0; i < turns.size(); i++) {
            if (turnRows.get(i).errors.isEmpty()) {
                valid.add(turns.get(i));
            }
        }
        return new Checked<>(valid, errors);
    }

    private Parsed parse(TabularFile.Row row) {
        Parsed p = new Parsed(row);
        List<CellError> cellErrors = new ArrayList<>();
        p.nationalId = p.cell("nationalId");
        if (p.nationalId == null) {
            p.errors.add(messages.fieldError("nationalId", "required"));
        } else if (!p.nationalId.matches("\\d{12}")) {
            p.errors.add(messages.fieldError("nationalId", "national-id-format"));
        } else {
            p.digest = NationalIdDigest.of(p.nationalId);
        }
        p.programCode = p.cell("programCode");
        p.category = HistoryFormat.category(p.cell("programCategory"));
        if (p.cell("programCategory") != null && p.category == null) {
            p.errors.add(messages.fieldError("programCategory", "category-unknown", p.cell("programCategory")));
        }
        p.level = HistoryFormat.level(p.cell("programLevel"));
        p.classCode = p.cell("classCode");
        p.institutionCode = p.cell("institutionCode");
        p.startDate = Cells.date(row, "startDate", cellErrors);
        p.endDate = Cells.date(row, "endDate", cellErrors);
        String result = p.cell("result");
        if (result == null) {
            p.errors.add(messages.fieldError("result", "required"));
        } else if (HistoryFormat.result(result) == null) {
            p.errors.add(messages.fieldError("result", "result-outcome"));
        } else {
            p.status = EnrolmentStatus.valueOf(HistoryFormat.result(result));
        }
        String grade = p.cell("grade");
        p.grade = HistoryFormat.grade(grade);
        if (grade != null && p.grade == null) {
            p.errors.add(messages.fieldError("grade", "result-grade"));
        }
        p.date = Cells.date(row, "completedOn", cellErrors);
        p.credentialNumber = p.cell("credentialNumber");
        p.costVnd = HistoryFormat.amount(row, "costVnd", cellErrors);
        String funding = p.cell("fundingSource");
        p.fundingSource = HistoryFormat.fundingSource(funding);
        if (funding != null && p.fundingSource == null) {
            p.errors.add(messages.fieldError("fundingSource", "unknown-value", funding));
        }
        cellErrors.forEach(e -> p.errors.add(messages.fieldError(e.field(), e.code(), e.arg())));
        if (p.startDate != null && p.endDate != null && p.endDate.isBefore(p.startDate)) {
            p.errors.add(messages.fieldError("endDate", "end-before-start", p.startDate));
        }
        return p;
    }

    private HistoryStore.PersonRef person(Parsed p, Map<String, HistoryStore.PersonRef> people, Set<String> scope) {
        if (p.digest == null) {
            return null;
        }
        HistoryStore.PersonRef person = people.get(p.digest);
        if (person == null) {
            p.errors.add(messages.fieldError("nationalId", "person-unknown-national-id"));
            return null;
        }
        if (scope != null && !scope.contains(person.orgUnitCode())) {
            // the same answer as for an unknown person would hide nothing useful: the officer typed the number
            p.errors.add(messages.fieldError("nationalId", "person-out-of-scope"));
            return null;
        }
        return person;
    }

    /** The programmes, institutions and classes the file may name, loaded once. */
    private record Catalogue(Map<String, ProgramCopy> programsByCode, Map<String, List<ProgramCopy>> programsByKind,
                             Map<String, String> institutions, Map<String, ClassCopy> classesByCode,
                             Map<String, ClassCopy> classesByMatch) {
    }

    private Catalogue catalogue(List<Parsed> parsed) {
        Map<String, ProgramCopy> byCode = new HashMap<>();
        Map<String, List<ProgramCopy>> byKind = new HashMap<>();
        for (ProgramCopy program : ProgramCopy.<ProgramCopy>listAll()) {
            byCode.put(program.code, program);
            if (!"DRAFT".equals(program.status)) {
                byKind.computeIfAbsent(program.category + "/" + program.level, k -> new ArrayList<>()).add(program);
            }
        }
        // the institutions the classes name, each with the name its latest named class gives it
        @SuppressWarnings("unchecked")
        List<Object[]> institutionRows = entityManager.createNativeQuery("""
                select distinct on (institution_code) institution_code, institution_name from class_copy
                where institution_code is not null
                order by institution_code, institution_name is null, updated_at desc""").getResultList();
        Map<String, String> institutionNames = new HashMap<>();
        institutionRows.forEach(r -> institutionNames.put((String) r[0], (String) r[1]));
        Set<String> codes = new HashSet<>();
        Set<String> institutions = new HashSet<>();
        Set<LocalDate> starts = new HashSet<>();
        for (Parsed p : parsed) {
            if (p.classCode != null) {
                codes.add(p.classCode);
            } else if (p.institutionCode != null && p.startDate != null) {
                institutions.add(p.institutionCode);
                starts.add(p.startDate);
            }
        }
        Map<String, ClassCopy> classesByCode = new HashMap<>();
        for (List<String> part : ImportRunner.chunks(List.copyOf(codes), 1000)) {
            ClassCopy.<ClassCopy>list("code in ?1", part).forEach(c -> classesByCode.putIfAbsent(c.code, c));
        }
        Map<String, ClassCopy> classesByMatch = new HashMap<>();
        if (!institutions.isEmpty()) {
            for (List<LocalDate> part : ImportRunner.chunks(List.copyOf(starts), 1000)) {
                ClassCopy.<ClassCopy>list("institutionCode in ?1 and startDate in ?2 and status <> 'CANCELLED'",
                        institutions, part).forEach(c -> classesByMatch.putIfAbsent(
                                match(c.programId, c.institutionCode, c.startDate, c.endDate), c));
            }
        }
        return new Catalogue(byCode, byKind, institutionNames, classesByCode, classesByMatch);
    }

    private ProgramCopy program(Parsed p, Catalogue catalogue) {
        if (p.programCode != null) {
            ProgramCopy program = catalogue.programsByCode().get(p.programCode);
            if (program == null) {
                p.errors.add(messages.fieldError("programCode", "program-unknown", p.programCode));
            }
            return program;
        }
        if (p.category != null && p.level != null) {
            List<ProgramCopy> matches = catalogue.programsByKind().getOrDefault(p.category + "/" + p.level, List.of());
            if (matches.isEmpty()) {
                p.errors.add(messages.fieldError("programLevel", "program-unknown",
                        p.cell("programCategory") + " - " + p.cell("programLevel")));
                return null;
            }
            if (matches.size() > 1) {
                p.errors.add(messages.fieldError("programCode", "program-ambiguous", matches.size()));
                return null;
            }
            return matches.get(0);
        }
        if (p.classCode == null && p.cell("programCategory") == null) {
            p.errors.add(messages.fieldError("programCode", "program-required"));
        } else if (p.classCode == null && p.level == null) {
            p.errors.add(messages.fieldError("programLevel", "required"));
        }
        return null;
    }

    /** The class of the row: by code, or matched by programme, institution and dates, or a new historical class. */
    private ClassCopy classOf(Parsed p, ProgramCopy program, Catalogue catalogue) {
        if (p.classCode != null) {
            ClassCopy cls = catalogue.classesByCode().get(p.classCode);
            if (cls == null) {
                p.errors.add(messages.fieldError("classCode", "class-unknown", p.classCode));
                return null;
            }
            if (program != null && !program.programId.equals(cls.programId)) {
                p.errors.add(messages.fieldError("classCode", "class-other-program", cls.code, cls.program.code()));
                return null;
            }
            boolean programNamed = p.programCode != null || p.cell("programCategory") != null;
            return program == null && programNamed ? null : cls;
        }
        if (p.institutionCode == null || p.cell("startDate") == null || p.cell("endDate") == null) {
            for (String field : List.of("institutionCode", "startDate", "endDate")) {
                if (p.cell(field) == null) {
                    p.errors.add(messages.fieldError(field, "class-required"));
                }
            }
            return null;
        }
        if (!catalogue.institutions().containsKey(p.institutionCode)) {
            p.errors.add(messages.fieldError("institutionCode", "institution-unknown", p.institutionCode));
            return null;
        }
        if (program == null || p.startDate == null || p.endDate == null || p.endDate.isBefore(p.startDate)) {
            return null;
        }
        ClassCopy existing = catalogue.classesByMatch()
                .get(match(program.programId, p.institutionCode, p.startDate, p.endDate));
        if (existing != null) {
            return existing;
        }
        ClassCopy historical = historicalClass(program, p.institutionCode, p.startDate, p.endDate);
        historical.institutionName = catalogue.institutions().get(p.institutionCode);
        return historical;
    }

    /**
     * A class held by this service only: its id derived from programme, institution and dates, so that every row and
     * every later import naming them finds the same class.
     */
    static ClassCopy historicalClass(ProgramCopy program, String institution, LocalDate start, LocalDate end) {
        ClassCopy cls = new ClassCopy();
        cls.classId = UUID.nameUUIDFromBytes(("historical-class:" + match(program.programId, institution, start, end))
                .getBytes(StandardCharsets.UTF_8));
        cls.code = "LS-" + program.code + "-" + institution + "-" + start.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        if (cls.code.length() > 100) {
            cls.code = "LS-" + cls.classId;
        }
        cls.program = program.program;
        cls.programId = program.programId;
        cls.institutionCode = institution;
        cls.location = Boolean.TRUE.equals(program.program.overseas()) ? "OVERSEAS" : "DOMESTIC";
        cls.startDate = start;
        cls.endDate = end;
        cls.capacity = 0;
        LocalDate today = ProvinceTime.today();
        cls.status = end.isAfter(today) ? "IN_PROGRESS" : "COMPLETED";
        cls.historical = true;
        cls.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return cls;
    }

    private static String match(UUID programId, String institution, LocalDate start, LocalDate end) {
        return programId + "|" + institution + "|" + start + "|" + end;
    }

    /**
     * A turn already recorded for the person in the class is unchanged when the row says the same (the fields it
     * gives); a different outcome is a row error: a file does not overwrite recorded results. A credential number
     * held by another turn is refused.
     */
    private void compareWithRecorded(List<HistoryImport.Turn> turns, List<Parsed> turnRows) {
        Map<String, HistoryStore.Recorded> recorded = store.recorded(turns.stream()
                .map(t -> new UUID[] {t.person().personnelId(), t.cls().classId}).toList());
        Map<String, String> holders = store.credentialHolders(turns.stream().map(HistoryImport.Turn::credentialNumber)
                .filter(Objects::nonNull).toList());
        for (int i = 0; i < turns.size(); i++) {
            HistoryImport.Turn t = turns.get(i);
            Parsed p = turnRows.get(i);
            String key = HistoryStore.key(t.person().personnelId(), t.cls().classId);
            HistoryStore.Recorded existing = recorded.get(key);
            if (existing != null && !same(existing, t)) {
                p.errors.add(messages.fieldError("result", "turn-recorded-differently", existing.status()));
            }
            String holder = t.credentialNumber() == null ? null : holders.get(t.credentialNumber());
            if (holder != null && !holder.equals(key)) {
                p.errors.add(messages.fieldError("credentialNumber", "credential-number-taken", t.credentialNumber()));
            }
        }
    }

    private static boolean same(HistoryStore.Recorded r, HistoryImport.Turn t) {
        if (!t.status().name().equals(r.status())) {
            return false;
        }
        LocalDate recordedDate = t.status() == EnrolmentStatus.WITHDRAWN ? r.withdrawnOn() : r.completedOn();
        return (t.grade() == null || t.grade().name().equals(r.grade()))
                && (t.date() == null || t.date().equals(recordedDate))
                && (t.credentialNumber() == null || t.credentialNumber().equals(r.credentialNumber()));
    }
}

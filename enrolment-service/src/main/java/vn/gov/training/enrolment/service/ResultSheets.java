package vn.gov.training.enrolment.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.problem.FieldError;
import vn.gov.training.platform.problem.Messages;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.problem.Failures;

/**
 * A class's results entered as a sheet (JSON) or uploaded from Excel. Every row goes through
 * {@link EnrolmentResults#recordResult}, the one code path with the rules of a result. {@link Mode#VALID_ROWS}
 * saves each valid row in its own transaction; {@link Mode#ALL_OR_NOTHING} first tries every row in a
 * transaction that is rolled back, and saves the sheet in one transaction only when no row is refused.
 */
@ApplicationScoped
public class ResultSheets {

    private static final Logger LOG = Logger.getLogger(ResultSheets.class);

    public enum Mode {
        ALL_OR_NOTHING, VALID_ROWS
    }

    /** What happened to a row. */
    public enum RowOutcome {
        /** the result was recorded */
        APPLIED,
        /** the same result was already recorded: nothing changed */
        UNCHANGED,
        /** the row is refused; see its errors */
        REJECTED,
        /** the row is valid but not saved because another row was refused (ALL_OR_NOTHING) */
        NOT_APPLIED
    }

    /** One row to record; {@code errors} are the row's input errors found before any rule ran (e.g. a bad date). */
    public record Row(int row, EnrolmentResults.Result result, List<FieldError> errors) {
    }

    /** The outcome of one row: status is the enrolment's status afterwards, http the status of a refusal. */
    public record RowResult(int row, UUID enrolmentId, RowOutcome outcome, String status, int http,
                            List<FieldError> errors) {
    }

    public record Outcome(Mode mode, int applied, int unchanged, int rejected, List<RowResult> rows) {
    }

    private final EnrolmentResults enrolmentResults;
    private final Messages messages;
    private final AuditTrail audit;

    ResultSheets(EnrolmentResults results, Messages messages, AuditTrail audit) {
        this.enrolmentResults = results;
        this.messages = messages;
        this.audit = audit;
    }

    /** Audits an upload of the class's results (its mode and counts), in a transaction of its own. */
    public void auditImport(UUID classId, Mode mode, int rows, Outcome outcome) {
        QuarkusTransaction.requiringNew().run(() -> audit.record("class-results", classId, "imported", null,
                Map.of("mode", mode.name(), "rows", rows, "applied", outcome.applied(),
                        "unchanged", outcome.unchanged(), "rejected", outcome.rejected())));
    }

    /** Records the rows of the class's sheet; the caller has checked that it may record this class's results. */
    public Outcome record(UUID classId, List<Row> rows, Mode mode) {
        // rows saved one after the other meet each other's effects (a credential number used twice is refused by
        // the rules); rows tried each on their own do not, so the sheet itself is checked for such clashes
        return mode == Mode.VALID_ROWS ? eachOnItsOwn(classId, rows, Map.of())
                : allOrNothing(classId, rows, sheetErrors(rows));
    }

    private Outcome eachOnItsOwn(UUID classId, List<Row> rows, Map<Integer, List<FieldError>> sheetErrors) {
        List<RowResult> results = new ArrayList<>();
        for (Row row : rows) {
            List<FieldError> errors = inputErrors(row, sheetErrors);
            if (!errors.isEmpty()) {
                results.add(rejected(row, 400, errors));
                continue;
            }
            try {
                EnrolmentResults.Recorded r = QuarkusTransaction.requiringNew()
                        .call(() -> enrolmentResults.recordResult(classId, row.result()));
                results.add(done(row, r));
            } catch (RuntimeException failure) {
                results.add(refused(row, failure));
            }
        }
        return outcome(Mode.VALID_ROWS, results);
    }

    private Outcome allOrNothing(UUID classId, List<Row> rows, Map<Integer, List<FieldError>> sheetErrors) {
        // 1. every row tried on its own, and rolled back
        List<RowResult> tried = new ArrayList<>();
        boolean anyRefused = false;
        for (Row row : rows) {
            List<FieldError> errors = inputErrors(row, sheetErrors);
            if (!errors.isEmpty()) {
                tried.add(rejected(row, 400, errors));
                anyRefused = true;
                continue;
            }
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    EnrolmentResults.Recorded r = enrolmentResults.recordResult(classId, row.result());
                    throw new TriedOnly(done(row, r));
                });
                throw new IllegalStateException("a trial run must end in a rollback");
            } catch (RuntimeException failure) {
                TriedOnly trial = trialOf(failure);
                if (trial != null) {
                    tried.add(trial.result);
                } else {
                    tried.add(refused(row, failure));
                    anyRefused = true;
                }
            }
        }
        if (anyRefused) {
            return outcome(Mode.ALL_OR_NOTHING, tried.stream().map(r -> r.outcome() == RowOutcome.REJECTED ? r
                    : new RowResult(r.row(), r.enrolmentId(), r.outcome() == RowOutcome.UNCHANGED
                    ? RowOutcome.UNCHANGED : RowOutcome.NOT_APPLIED, r.outcome() == RowOutcome.UNCHANGED
                    ? r.status() : null, r.http(), List.of())).toList());
        }
        // 2. the whole sheet in one transaction: a row refused now (a concurrent change) rolls all of it back
        List<RowResult> applied = new ArrayList<>();
        int[] failedAt = {-1};
        RuntimeException[] failure = {null};
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < rows.size(); i++) {
                    failedAt[0] = i;
                    applied.add(done(rows.get(i), enrolmentResults.recordResult(classId, rows.get(i).result())));
                }
                failedAt[0] = -1;
            });
        } catch (RuntimeException e) {
            failure[0] = e;
        }
        if (failure[0] == null) {
            return outcome(Mode.ALL_OR_NOTHING, applied);
        }
        // failedAt -1: the commit failed, which no single row can be blamed for
        List<RowResult> results = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            results.add(i == failedAt[0] || failedAt[0] < 0 ? refused(row, failure[0])
                    : new RowResult(row.row(), row.result().enrolmentId(), RowOutcome.NOT_APPLIED, null, 200,
                    List.of()));
        }
        return outcome(Mode.ALL_OR_NOTHING, results);
    }

    /** Errors of the sheet as a whole: the same learner twice, the same credential number twice. */
    private Map<Integer, List<FieldError>> sheetErrors(List<Row> rows) {
        Map<Integer, List<FieldError>> errors = new HashMap<>();
        Map<UUID, Integer> learners = new HashMap<>();
        Map<String, Integer> credentials = new HashMap<>();
        for (Row row : rows) {
            EnrolmentResults.Result r = row.result();
            if (r.enrolmentId() != null) {
                Integer first = learners.putIfAbsent(r.enrolmentId(), row.row());
                if (first != null) {
                    errors.computeIfAbsent(row.row(), k -> new ArrayList<>())
                            .add(messages.fieldError("enrolmentId", "duplicate-learner", first));
                }
            }
            String credential = r.credentialNumber() == null ? null : r.credentialNumber().strip();
            if (credential != null && !credential.isEmpty() && "COMPLETED".equals(r.outcome())) {
                Integer first = credentials.putIfAbsent(credential, row.row());
                if (first != null) {
                    errors.computeIfAbsent(row.row(), k -> new ArrayList<>())
                            .add(messages.fieldError("credentialNumber", "duplicate-credential", first));
                }
            }
        }
        return errors;
    }

    private static List<FieldError> inputErrors(Row row, Map<Integer, List<FieldError>> sheetErrors) {
        List<FieldError> errors = new ArrayList<>(row.errors());
        errors.addAll(sheetErrors.getOrDefault(row.row(), List.of()));
        return errors;
    }

    private static RowResult done(Row row, EnrolmentResults.Recorded r) {
        return new RowResult(row.row(), r.enrolment().id, r.changed() ? RowOutcome.APPLIED : RowOutcome.UNCHANGED,
                r.enrolment().status.name(), 200, List.of());
    }

    private static RowResult rejected(Row row, int http, List<FieldError> errors) {
        return new RowResult(row.row(), row.result().enrolmentId(), RowOutcome.REJECTED, null, http, errors);
    }

    /** A refusal of a rule becomes the row's error; anything else (e.g. a unique-constraint race) too, logged. */
    private RowResult refused(Row row, RuntimeException failure) {
        ProblemException problem = problemOf(failure);
        if (problem == null) {
            LOG.warnf(Failures.redacted(failure), "Result row %d of enrolment %s failed", row.row(),
                    row.result().enrolmentId());
            return rejected(row, 409, List.of(new FieldError(null, "result-not-saved",
                    messages.get("problem.result-not-saved.title"))));
        }
        if (!problem.errors().isEmpty()) {
            return rejected(row, problem.status(), problem.errors());
        }
        String title = messages.get("problem." + problem.code() + ".title", problem.args());
        String detail = messages.find("problem." + problem.code() + ".detail", problem.args());
        return rejected(row, problem.status(), List.of(new FieldError(fieldOf(problem.code()), problem.code(),
                detail == null ? title : title + ": " + detail)));
    }

    private static String fieldOf(String code) {
        return switch (code) {
            case "enrolment-not-found", "not-class-institution", "forbidden" -> "enrolmentId";
            case "enrolment-wrong-status", "exit-exam-not-passed", "result-outcome-unknown" -> "outcome";
            case "credential-number-taken" -> "credentialNumber";
            case "result-grade-required" -> "grade";
            case "withdrawal-reason-required" -> "reason";
            default -> null;
        };
    }

    private static ProblemException problemOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProblemException p) {
                return p;
            }
        }
        return null;
    }

    private static TriedOnly trialOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TriedOnly trial) {
                return trial;
            }
        }
        return null;
    }

    private static Outcome outcome(Mode mode, List<RowResult> rows) {
        int applied = (int) rows.stream().filter(r -> r.outcome() == RowOutcome.APPLIED).count();
        int unchanged = (int) rows.stream().filter(r -> r.outcome() == RowOutcome.UNCHANGED).count();
        int rejected = (int) rows.stream().filter(r -> r.outcome() == RowOutcome.REJECTED).count();
        return new Outcome(mode, applied, unchanged, rejected, rows);
    }

    /** Ends a trial run of a row with a rollback, carrying what the row would have done. */
    private static final class TriedOnly extends RuntimeException {
        private final transient RowResult result;

        TriedOnly(RowResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }
}

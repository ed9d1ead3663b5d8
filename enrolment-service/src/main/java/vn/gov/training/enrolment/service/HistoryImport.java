package vn.gov.training.enrolment.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import vn.gov.training.enrolment.domain.ClassCopy;
import vn.gov.training.enrolment.domain.Enrolment;
import vn.gov.training.enrolment.domain.EnrolmentStatus;
import vn.gov.training.enrolment.domain.FitAssessment;
import vn.gov.training.enrolment.domain.Grade;
import vn.gov.training.enrolment.domain.HistoryImportJob;
import vn.gov.training.enrolment.domain.Refs;
import vn.gov.training.platform.imports.Checked;
import vn.gov.training.platform.imports.ImportJobEntity;
import vn.gov.training.platform.imports.ImportKind;
import vn.gov.training.platform.imports.ImportRunner;
import vn.gov.training.platform.imports.TabularFile;
import vn.gov.training.platform.imports.Written;
import vn.gov.training.platform.persistence.TimeOrderedIds;
import vn.gov.training.platform.time.ProvinceTime;

/**
 * Imports a province's training history as a background job run by the platform's {@link ImportRunner}: each row one
 * training turn, checked like the API checks a result (unknown person, programme, class or institution, unreadable or
 * implausible dates, end before start, completion before start, unknown result, grade or funding source, negative
 * cost), the person within the caller's units. {@code ALL_OR_NOTHING} writes nothing when any row is refused (the job
 * ends FAILED); {@code VALID_ROWS} writes the valid ones. A turn already recorded (same person, same class) is
 * unchanged, so a file can be imported twice. Rows are written in chunks of JDBC batches, each turn with its
 * {@code enrolment.*} event (the outcome event with the full state) and its audit record; the job's counters are
 * committed with the rows they count.
 */
@ApplicationScoped
public class HistoryImport implements ImportKind<HistoryImportJob, HistoryImport.Turn> {

    private static final int CHUNK = 2000;

    /** A valid row: who, which class (an existing copy, or a historical class to create), and the outcome. */
    public record Turn(int row, HistoryStore.PersonRef person, ClassCopy cls, EnrolmentStatus status, Grade grade,
                       LocalDate date, String credentialNumber, Long costVnd, String fundingSource) {

        /** The outcome's event name, the one the API publishes when it records this outcome. */
        String event() {
            return switch (status) {
                case COMPLETED -> "completed";
                case FAILED -> "failed";
                default -> "withdrawn";
            };
        }

        /**
         * The enrolment as the API would leave it after nomination, approval and this outcome. The fit of a past
         * turn is not assessed (the person's position at the time is unknown): FIT without reasons.
         */
        Enrolment toEnrolment(OffsetDateTime now) {
            Refs.Program program = cls.program;
            Enrolment e = new Enrolment();
            e.id = TimeOrderedIds.next();
            e.personnelId = person.personnelId();
            e.classId = cls.classId;
            e.programId = cls.programId;
            e.category = program.category();
            e.level = program.level();
            e.deliveryMode = program.deliveryMode();
            e.location = cls.location;
            e.startDate = cls.startDate;
            e.endDate = cls.endDate;
            e.nominatingUnitCode = person.orgUnitCode();
            e.personOrgUnitCode = person.orgUnitCode();
            e.personCategory = person.category();
            e.status = status;
            e.fitAssessment = FitAssessment.FIT;
            e.fitReasons = new ArrayList<>();
            e.costVnd = costVnd;
            e.fundingSource = fundingSource;
            e.fundingAmountVnd = fundingSource != null ? costVnd : null;
            if (program.grantsLevel() != null) {
                e.grantsKind = program.grantsLevel().kind();
                e.grantsLevel = program.grantsLevel().level();
            }
            // like the API: without a date, the class's last day, or today for a class that has not ended
            LocalDate on = date != null ? date
                    : cls.endDate != null && !cls.endDate.isAfter(ProvinceTime.today()) ? cls.endDate
                    : ProvinceTime.today();
            switch (status) {
                case COMPLETED -> {
                    e.grade = grade;
                    e.credentialNumber = credentialNumber;
                    e.periodsAttended = program.periods();
                    e.completedOn = on;
                }
                case FAILED -> e.completedOn = on;
                default -> {
                    e.withdrawnOn = on;
                    e.reason = WITHDRAWN_REASON;
                }
            }
            e.createdAt = now;
            e.updatedAt = now;
            return e;
        }
    }

    /** The reason recorded for a withdrawal taken from a history file (the API requires one). */
    static final String WITHDRAWN_REASON = "historical-record";

    private final ImportRunner runner;
    private final HistoryRows rows;
    private final HistoryStore store;
    private final AccessPolicy access;

    HistoryImport(ImportRunner runner, HistoryRows rows, HistoryStore store, AccessPolicy access) {
        this.runner = runner;
        this.rows = rows;
        this.store = store;
        this.access = access;
    }

    /** Checks the file's heading row, records the job and starts it; returns at once. */
    public HistoryImportJob start(byte[] content, String fileName, HistoryImportJob.Mode mode) {
        // the units whose people the caller may record turns for; null: every unit
        Set<String> scope = access.scope().writableUnits().map(Set::copyOf).orElse(null);
        return runner.start(this, content, fileName, mode, access.callerName(), scope);
    }

    @Override
    public TabularFile.Columns columns() {
        return HistoryFormat.TABLE;
    }

    @Override
    public HistoryImportJob newJob() {
        return new HistoryImportJob();
    }

    @Override
    public Class<HistoryImportJob> jobType() {
        return HistoryImportJob.class;
    }

    @Override
    public String label() {
        return "History import";
    }

    @Override
    public int chunkSize() {
        return CHUNK;
    }

    @Override
    public ImportJobEntity.Status rejected() {
        return ImportJobEntity.Status.FAILED;
    }

    @Override
    public String conflictCode() {
        return "import-conflict";
    }

    @Override
    public String failureCode() {
        return "import-failed";
    }

    @Override
    public boolean conflict(RuntimeException failure) {
        return ImportKind.super.conflict(failure)
                || failure instanceof HistoryStore.HistoryBatchException batch && batch.constraintViolated();
    }

    /** The rows checked against this service's copies, in one transaction. */
    @Override
    public Checked<Turn> check(List<TabularFile.Row> file, Set<String> scope) {
        return QuarkusTransaction.requiringNew().timeout(600).call(() -> rows.check(file, scope));
    }

    @Override
    public Written write(List<Turn> chunk, String actor) {
        HistoryStore.Written written = store.write(chunk, actor);
        return new Written(written.created(), 0, written.unchanged());
    }
}

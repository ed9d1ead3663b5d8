package vn.gov.training.personnel.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import vn.gov.training.platform.imports.ImportJobEntity;
import vn.gov.training.platform.imports.Written;

/**
 * One upload of a staff list, of levels or of yearly ratings, run in the background; its progress and row errors are
 * read back by id.
 */
@Entity
@Table(name = "import_job")
public class ImportJob extends ImportJobEntity {

    /** What a file imports. */
    public enum Kind { STAFF, QUALIFICATIONS, RATINGS }

    /** A staff list unless told otherwise (the jobs recorded before the other imports). */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind = Kind.STAFF;

    @Column(name = "updated_count")
    public int updatedCount;

    /** Rows with at least one error. */
    @Column(name = "error_count")
    public int errorCount;

    @Override
    public void count(Written written) {
        super.count(written);
        updatedCount += written.updated();
    }

    @Override
    public void refusedRows(int rows) {
        errorCount = rows;
    }
}

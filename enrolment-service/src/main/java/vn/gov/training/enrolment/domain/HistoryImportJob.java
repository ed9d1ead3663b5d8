package vn.gov.training.enrolment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import vn.gov.training.platform.imports.ImportJobEntity;

/**
 * One upload of a historical training records file, run in the background; progress and row errors read by id. An
 * ALL_OR_NOTHING file with row errors ends FAILED (nothing written), as does a run that could not finish.
 */
@Entity
@Table(name = "history_import_job")
public class HistoryImportJob extends ImportJobEntity {

    @Column(name = "rejected_count")
    public int rejectedCount;

    @Override
    public void refusedRows(int rows) {
        rejectedCount = rows;
    }
}

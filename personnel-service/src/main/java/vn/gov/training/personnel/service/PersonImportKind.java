package vn.gov.training.personnel.service;

import vn.gov.training.personnel.domain.ImportJob;
import vn.gov.training.platform.imports.ImportJobEntity;
import vn.gov.training.platform.imports.ImportKind;

/**
 * An import of personnel-service (staff list, levels, yearly ratings): its jobs are {@link ImportJob}s naming its
 * kind, an ALL_OR_NOTHING file with refused rows ends REJECTED, valid rows are written a thousand at a time.
 */
public interface PersonImportKind<T> extends ImportKind<ImportJob, T> {

    ImportJob.Kind kind();

    @Override
    default ImportJob newJob() {
        ImportJob job = new ImportJob();
        job.kind = kind();
        return job;
    }

    @Override
    default Class<ImportJob> jobType() {
        return ImportJob.class;
    }

    @Override
    default int chunkSize() {
        return PersonImports.CHUNK;
    }

    @Override
    default ImportJobEntity.Status rejected() {
        return ImportJobEntity.Status.REJECTED;
    }

    @Override
    default String conflictCode() {
        return "duplicate-record";
    }

    @Override
    default String failureCode() {
        return "internal-error";
    }
}

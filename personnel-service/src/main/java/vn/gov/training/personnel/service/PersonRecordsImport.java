package vn.gov.training.personnel.service;

import java.util.List;

import vn.gov.training.personnel.domain.Person;
import vn.gov.training.platform.imports.CellError;
import vn.gov.training.platform.imports.TabularFile;
import vn.gov.training.platform.problem.FieldError;

/**
 * An import of records held by people (levels, yearly ratings): each row names a person by national ID and gives one
 * record; the valid rows are written person by person ({@link PersonImports.PersonRows}), so that each person touched
 * gets one event.
 *
 * @param <R> one row's record
 */
public interface PersonRecordsImport<R> extends PersonImportKind<PersonImports.PersonRows<R>> {

    /** Reads a row's record (its cells other than the national ID); an unreadable cell is added to the errors. */
    R read(TabularFile.Row row, List<CellError> errors);

    /** The checks of the single write of the record to the person. */
    List<FieldError> validate(Person person, R record);

    /** What makes two rows of one person the same record: a repeated one is refused. */
    Object same(R record);

    /** The field a repeated row's error names. */
    String sameField();

    @Override
    default int rowsOf(PersonImports.PersonRows<R> item) {
        return item.records().size();
    }
}

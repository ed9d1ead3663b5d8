package vn.gov.training.platform.imports;

import java.util.List;
import java.util.Set;

/** Receives the records of a file, the first being the headings; {@code numeric}: the columns of number cells. */
interface RecordSink {

    /** Takes one record; false stops the reading (nothing more is wanted). */
    boolean accept(int number, List<String> cells, Set<Integer> numeric);
}

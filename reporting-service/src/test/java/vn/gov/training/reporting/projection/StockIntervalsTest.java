package vn.gov.training.reporting.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.gov.training.reporting.projection.StockIntervals.Held;
import vn.gov.training.reporting.projection.StockIntervals.Interval;
import vn.gov.training.reporting.projection.StockIntervals.Version;

/** The rule behind the qualification stock: highest level of each kind, where the person was, while not LEFT. */
class StockIntervalsTest {

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void aHigherLevelReplacesTheLowerFromItsAwardAndAMoveSplitsTheInterval() {
        List<Version> history = List.of(
                new Version(d("2010-01-01"), d("2022-03-01"), "A", "CIVIL_SERVANT", "ACTIVE"),
                new Version(d("2022-03-01"), d("2023-01-01"), "B", "CIVIL_SERVANT", "ON_LEAVE"),
                new Version(d("2023-01-01"), null, "B", "CIVIL_SERVANT", "LEFT"));
        List<Held> held = List.of(new Held("EDUCATION", "MASTER", d("2020-06-01")),
                new Held("EDUCATION", "BACHELOR", d("2005-01-01")),
                new Held("FOREIGN_LANGUAGE", "B1", d("2015-01-01")),
                new Held("FOREIGN_LANGUAGE", "B2", d("2018-01-01")));
        assertEquals(List.of(
                new Interval("EDUCATION", "BACHELOR", "A", "CIVIL_SERVANT", d("2010-01-01"), d("2020-06-01")),
                new Interval("EDUCATION", "MASTER", "A", "CIVIL_SERVANT", d("2020-06-01"), d("2022-03-01")),
                new Interval("EDUCATION", "MASTER", "B", "CIVIL_SERVANT", d("2022-03-01"), d("2023-01-01")),
                // levels without a known order: the latest awarded counts
                new Interval("FOREIGN_LANGUAGE", "B1", "A", "CIVIL_SERVANT", d("2015-01-01"), d("2018-01-01")),
                new Interval("FOREIGN_LANGUAGE", "B2", "A", "CIVIL_SERVANT", d("2018-01-01"), d("2022-03-01")),
                new Interval("FOREIGN_LANGUAGE", "B2", "B", "CIVIL_SERVANT", d("2022-03-01"), d("2023-01-01"))),
                StockIntervals.of(history, held));
    }

    @Test
    void anUnchangedLevelAcrossVersionsIsOneInterval() {
        List<Version> history = List.of(
                new Version(d("2010-01-01"), d("2015-01-01"), "A", "CIVIL_SERVANT", "ACTIVE"),
                new Version(d("2015-01-01"), null, "A", "CIVIL_SERVANT", "ACTIVE"));
        assertEquals(List.of(new Interval("POLITICAL_THEORY", "ADVANCED", "A", "CIVIL_SERVANT", d("2010-01-01"), null)),
                StockIntervals.of(history, List.of(new Held("POLITICAL_THEORY", "ADVANCED", d("2001-01-01")),
                        new Held("POLITICAL_THEORY", "INTERMEDIATE", d("1999-01-01")))));
    }
}

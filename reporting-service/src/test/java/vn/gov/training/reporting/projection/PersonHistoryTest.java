package vn.gov.training.reporting.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.gov.training.reporting.projection.ConsumedEvents.Personnel;
import vn.gov.training.reporting.projection.PersonHistory.State;

/** A batch's person events folded in order: each judged against what the events before it wrote. */
class PersonHistoryTest {

    private static final UUID ID = UUID.randomUUID();

    private static Personnel person(String unit, String effectiveOn) {
        return new Personnel(ID.toString(), "Phạm Thị Bảy", "FEMALE", "Kinh", "CIVIL_SERVANT", unit, null,
                "SPECIALIST", null, LocalDate.parse("2010-01-01"), "ACTIVE", null, LocalDate.parse(effectiveOn),
                List.of(), List.of(), List.of(), List.of());
    }

    private static State state(String unit) {
        return new State(unit, "CIVIL_SERVANT", "ACTIVE", null, "SPECIALIST");
    }

    @Test
    void aTransferFollowedByABackDatedQualificationAndARatingInOneBatchAddsOnlyTheTransfer() {
        PersonHistory history = new PersonHistory(Map.of());
        history.add(ID, "registered", person("X", "2010-01-01"));
        history.add(ID, "transferred", person("Y", "2022-03-01"));
        history.add(ID, "qualification-recorded", person("Y", "2005-06-01"));
        history.add(ID, "updated", person("Y", "2021-12-31"));
        assertEquals(Map.of(ID, Map.of(LocalDate.parse("2010-01-01"), state("X"), LocalDate.parse("2022-03-01"),
                state("Y"))), history.written());
    }

    @Test
    void anUpdateIsJudgedAgainstTheStoredStateAndThenAgainstTheBatchsEarlierEvents() {
        PersonHistory history = new PersonHistory(Map.of(ID, Map.entry(LocalDate.parse("2010-01-01"), state("X"))));
        history.add(ID, "updated", person("X", "2024-01-01"));
        assertEquals(Map.of(), history.written());
        history.add(ID, "updated", person("Z", "2024-02-01"));
        history.add(ID, "updated", person("Z", "2024-03-01"));
        assertEquals(Map.of(ID, Map.of(LocalDate.parse("2024-02-01"), state("Z"))), history.written());
    }

    @Test
    void aPersonFirstSeenThroughAQualificationGetsTheirHistoryFromTheStartOfService() {
        PersonHistory history = new PersonHistory(Map.of());
        history.add(ID, "qualification-recorded", person("X", "2019-05-01"));
        assertEquals(Map.of(ID, Map.of(LocalDate.parse("2010-01-01"), state("X"))), history.written());
    }
}

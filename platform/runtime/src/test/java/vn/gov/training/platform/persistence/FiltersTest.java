package vn.gov.training.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FiltersTest {

    @Test
    void withoutFiltersEveryRowMatches() {
        Filters where = Filters.allOf().when("year = :year", "year", null);
        assertEquals("1 = 1", where.query());
        assertEquals(Map.of(), where.parameters());
    }

    @Test
    void onlyThePresentFiltersAreJoinedWithAnd() {
        Filters where = Filters.allOf()
                .when("year = :year", "year", 2026)
                .when("orgUnitCode = :unit", "unit", null)
                .when("status = :status", "status", "DRAFT");
        assertEquals("year = :year and status = :status", where.query());
        assertEquals(Map.of("year", 2026, "status", "DRAFT"), where.parameters());
    }

    @Test
    void anEmptyOptionalIsAbsentAndAFullOneGivesItsValue() {
        Filters where = Filters.anyOf()
                .when("personnelId = :self", "self", Optional.empty())
                .when("classId = :classId", "classId", Optional.of("c-1"));
        assertEquals("classId = :classId", where.query());
        assertEquals(Map.of("classId", "c-1"), where.parameters());
    }

    @Test
    void anEmptyAlternativeMatchesNothing() {
        assertEquals("1 = 0", Filters.anyOf().query());
        assertEquals("(1 = 0)", Filters.allOf().add(Filters.anyOf()).query());
    }

    @Test
    void aGroupGoesInParenthesesWithItsParameters() {
        Filters scope = Filters.anyOf()
                .add("unit in :units", "units", Set.of("U1"))
                .add("personnelId = :self", "self", "p-1");
        Filters where = Filters.allOf().when("status = :status", "status", "ACTIVE").add(scope)
                .add("id = :id", "id", 7);
        assertEquals("status = :status and (unit in :units or personnelId = :self) and id = :id", where.query());
        assertEquals(Map.of("status", "ACTIVE", "units", Set.of("U1"), "self", "p-1", "id", 7), where.parameters());
    }

    @Test
    void aClauseTakesSeveralParametersThroughWith() {
        Filters where = Filters.allOf().add("status <> :accepted and deadline < :today")
                .with("accepted", "ACCEPTED").with("today", "2026-12-03");
        assertEquals("status <> :accepted and deadline < :today", where.query());
        assertEquals(Map.of("accepted", "ACCEPTED", "today", "2026-12-03"), where.parameters());
    }

    @Test
    void oneNameStandsForOneValue() {
        Filters where = Filters.allOf().add("a = :x", "x", 1).add("b = :x", "x", 1);
        assertEquals(Map.of("x", 1), where.parameters());
        assertThrows(IllegalArgumentException.class, () -> where.add("c = :x", "x", 2));
        assertThrows(NullPointerException.class, () -> where.add("d = :y", "y", null));
    }
}

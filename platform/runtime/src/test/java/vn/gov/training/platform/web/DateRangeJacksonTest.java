package vn.gov.training.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Dates read from JSON: the plain yyyy-MM-dd ones without the formatter, the same dates and errors as with it. */
class DateRangeJacksonTest {

    private final ObjectMapper mapper = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new DateRangeJackson().customize(mapper);
        return mapper;
    }

    record Dated(LocalDate on) {
    }

    @Test
    void everyDayOfARangeReadsAsTheFormatterReadsIt() throws Exception {
        for (LocalDate day = LocalDate.of(1899, 12, 1); day.isBefore(LocalDate.of(2101, 2, 1)); day = day.plusDays(1)) {
            String text = day.format(DateTimeFormatter.ISO_LOCAL_DATE);
            assertEquals(day, DateRangeJackson.Checked.plainIsoDate(text), text);
        }
        assertEquals(LocalDate.of(2024, 2, 29), mapper.readValue("{\"on\":\"2024-02-29\"}", Dated.class).on());
        assertEquals(LocalDate.of(2000, 2, 29), mapper.readValue("{\"on\":\"2000-02-29\"}", Dated.class).on());
    }

    @Test
    void whatIsNotAPlainValidDateIsLeftToTheFormatter() {
        for (String text : List.of("2026-02-30", "2025-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31",
                "2026-04-00", "2026-4-1", "2026-04-1x", "2026/04/01", "+12026-04-01", "2026-04-01T00:00", "")) {
            assertNull(DateRangeJackson.Checked.plainIsoDate(text), text);
        }
        for (String text : List.of("2026-02-30", "2025-02-29", "2026-13-01", "2026-4-1", "2026/04/01")) {
            assertThrows(DateTimeParseException.class, () -> LocalDate.parse(text), text);
            assertThrows(InvalidFormatException.class,
                    () -> mapper.readValue("{\"on\":\"" + text + "\"}", Dated.class), text);
        }
    }

    @Test
    void aDateOutsideTheRangeIsRefusedEitherWay() throws Exception {
        assertThrows(DateOutOfRangeException.class, () -> mapper.readValue("{\"on\":\"1899-12-31\"}", Dated.class));
        assertThrows(DateOutOfRangeException.class, () -> mapper.readValue("{\"on\":\"2101-01-01\"}", Dated.class));
        assertEquals(LocalDate.of(1900, 1, 1), mapper.readValue("{\"on\":\"1900-01-01\"}", Dated.class).on());
        assertNull(mapper.readValue("{\"on\":null}", Dated.class).on());
    }
}

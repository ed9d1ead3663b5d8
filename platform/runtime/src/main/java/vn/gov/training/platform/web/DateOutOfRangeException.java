package vn.gov.training.platform.web;

import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** A JSON date outside {@link DateRange}; the problem mapper reports it as the field error {@code date-out-of-range}. */
public class DateOutOfRangeException extends InvalidFormatException {

    public DateOutOfRangeException(JsonParser parser, LocalDate value) {
        super(parser, "date outside " + DateRange.MIN + ".." + DateRange.MAX, String.valueOf(value), LocalDate.class);
    }
}

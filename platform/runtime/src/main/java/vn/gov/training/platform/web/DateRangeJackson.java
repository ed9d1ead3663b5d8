package vn.gov.training.platform.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.util.JacksonFeatureSet;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeFeature;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Every {@link LocalDate} read from JSON must lie in {@link DateRange}. */
@Singleton
public class DateRangeJackson implements ObjectMapperCustomizer {

    /** After Quarkus's own customizer, which registers the Java time module: the last deserializer registered wins. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("date-range").addDeserializer(LocalDate.class, new Checked()));
    }

    /** Jackson's own ISO reader, then the range check. */
    static final class Checked extends LocalDateDeserializer {

        Checked() {
            super();
        }

        private Checked(LocalDateDeserializer base, Boolean leniency) {
            super(base, leniency);
        }

        private Checked(LocalDateDeserializer base, DateTimeFormatter format) {
            super(base, format);
        }

        private Checked(LocalDateDeserializer base, JsonFormat.Shape shape) {
            super(base, shape);
        }

        private Checked(LocalDateDeserializer base, JacksonFeatureSet<JavaTimeFeature> features) {
            super(base, features);
        }

        // Jackson derives a variant per @JsonFormat and feature set: each keeps the check.
        @Override
        protected LocalDateDeserializer withLeniency(Boolean leniency) {
            return new Checked(this, leniency);
        }

        @Override
        protected LocalDateDeserializer withDateFormat(DateTimeFormatter format) {
            return new Checked(this, format);
        }

        @Override
        protected LocalDateDeserializer withShape(JsonFormat.Shape shape) {
            return new Checked(this, shape);
        }

        @Override
        public LocalDateDeserializer withFeatures(JacksonFeatureSet<JavaTimeFeature> features) {
            return new Checked(this, features);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            LocalDate date = _formatter == DateTimeFormatter.ISO_LOCAL_DATE && parser.hasToken(JsonToken.VALUE_STRING)
                    ? plainIsoDate(parser.getText()) : null;
            if (date == null) {
                date = super.deserialize(parser, context);
            }
            if (!DateRange.contains(date)) {
                throw new DateOutOfRangeException(parser, date);
            }
            return date;
        }

        /**
         * A valid date written yyyy-MM-dd, read without the formatter (whose parse was most of the time the services
         * spent reading the dates of events); anything else (null) goes to Jackson's own reader, and so does its error.
         */
        static LocalDate plainIsoDate(String text) {
            if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
                return null;
            }
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
                return null;
            }
            return LocalDate.of(year, month, day);
        }

        /** The number the ASCII digits of text[from, to) write, or -1 if one is not a digit. */
        private static int digits(String text, int from, int to) {
            int value = 0;
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }
    }
}

package vn.gov.training.platform.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.util.JacksonFeatureSet;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeFeature;

import com.fasterxml.jackson.core.JsonParser;
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
            LocalDate date = super.deserialize(parser, context);
            if (!DateRange.contains(date)) {
                throw new DateOutOfRangeException(parser, date);
            }
            return date;
        }
    }
}

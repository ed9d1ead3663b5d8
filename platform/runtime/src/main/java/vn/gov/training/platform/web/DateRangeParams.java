package vn.gov.training.platform.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/**
 * {@link LocalDate} query, path and header parameters: ISO dates within {@link DateRange}. A value that is no date
 * ({@code invalid-format}) or out of range ({@code date-out-of-range}) is a field error named by the parameter.
 */
@Provider
public class DateRangeParams implements ParamConverterProvider {

    /** A refused parameter; the problem mapper turns it into a field error. */
    public static class InvalidParameter extends BadRequestException {

        private final String parameter;
        private final String fieldCode;

        InvalidParameter(String parameter, String fieldCode) {
            super(Response.status(400).build());
            this.parameter = parameter;
            this.fieldCode = fieldCode;
        }

        public String parameter() {
            return parameter;
        }

        public String fieldCode() {
            return fieldCode;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != LocalDate.class) {
            return null;
        }
        String name = name(annotations);
        return (ParamConverter<T>) new ParamConverter<LocalDate>() {
            @Override
            public LocalDate fromString(String value) {
                if (value == null || value.isBlank()) {
                    return null;
                }
                LocalDate date;
                try {
                    date = LocalDate.parse(value.strip());
                } catch (DateTimeParseException e) {
                    throw new InvalidParameter(name, "invalid-format");
                }
                if (!DateRange.contains(date)) {
                    throw new InvalidParameter(name, DateRange.CODE);
                }
                return date;
            }

            @Override
            public String toString(LocalDate value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static String name(Annotation[] annotations) {
        for (Annotation annotation : annotations == null ? new Annotation[0] : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return null;
    }
}

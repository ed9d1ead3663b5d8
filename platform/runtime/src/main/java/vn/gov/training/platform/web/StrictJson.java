package vn.gov.training.platform.web;

import java.io.IOException;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * How every service reads JSON request bodies, configured once: a duplicate key
 * ({@code {"reason":"a","reason":"b"}}) or anything after the document is a malformed body, not a silent "last one
 * wins"; and every string of a body is checked before it can reach the database: no NUL character (PostgreSQL
 * refuses it in text) and at most {@code training.input.max-text-length} characters (default 5000, the longest text
 * a form offers; a field whose column is shorter declares its own {@code @Size}, and {@code ColumnLimits} checks the
 * column anyway). A rejected string is a field error ({@link TextRejected}) at its JSON path. The REST layer reads
 * and writes with this copy of the application's {@link ObjectMapper}; events, the outbox and the audit trail keep
 * the application's own.
 */
@Provider
public class StrictJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper strict;

    StrictJson(ObjectMapper application,
               @ConfigProperty(name = "training.input.max-text-length", defaultValue = "5000") int maxTextLength) {
        this.strict = strict(application.copy(), maxTextLength);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }

    static ObjectMapper strict(ObjectMapper mapper, int maxTextLength) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // the parser itself refuses absurd documents before any of them is kept in memory as one string
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(Math.max(1_000_000, maxTextLength)).maxNestingDepth(100).maxNumberLength(100)
                .build());
        SimpleModule text = new SimpleModule("training-text");
        text.addDeserializer(String.class, new CheckedText(maxTextLength));
        mapper.registerModule(text);
        return mapper;
    }

    /** A string of the body that is refused: {@code code} is the field error's code, {@code args} its arguments. */
    public static final class TextRejected extends JsonMappingException {

        private final String code;
        private final transient Object[] args;

        TextRejected(JsonParser parser, String code, Object... args) {
            super(parser, "text rejected: " + code);
            this.code = code;
            this.args = args;
        }

        public String code() {
            return code;
        }

        public Object[] args() {
            return args;
        }
    }

    /** Jackson's own string reading, then the checks. */
    static final class CheckedText extends StringDeserializer {

        private final int max;

        CheckedText(int max) {
            this.max = max;
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext context) throws IOException {
            String value = super.deserialize(p, context);
            if (value != null) {
                if (value.indexOf('\u0000') >= 0) {
                    throw new TextRejected(p, "nul-character");
                }
                if (value.length() > max) {
                    throw new TextRejected(p, "text-too-long", max);
                }
            }
            return value;
        }
    }
}

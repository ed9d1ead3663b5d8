package vn.gov.training.enrolment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The checked-in schema of the enrolment topic, applied to events read back from the broker. */
final class EnrolmentEventSchema {

    private static final JsonSchema SCHEMA = load();

    private EnrolmentEventSchema() {
    }

    static void assertValid(String data) throws Exception {
        assertEquals(Set.of(), errorsOf(data), data);
    }

    static Set<ValidationMessage> errorsOf(String data) throws Exception {
        return SCHEMA.validate(new ObjectMapper().readTree(data));
    }

    private static JsonSchema load() {
        try (InputStream in = EnrolmentEventSchema.class.getResourceAsStream("/events/enrolment.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

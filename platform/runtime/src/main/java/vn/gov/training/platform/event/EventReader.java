package vn.gov.training.platform.event;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads event data into a consumer's own record of the fields it uses. Unknown fields are ignored (producers
 * evolve their schemas additively); data that does not parse is a poison message.
 */
@ApplicationScoped
public class EventReader {

    private final ObjectMapper json;

    EventReader(ObjectMapper json) {
        this.json = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    public <T> T read(EventEnvelope event, Class<T> type) {
        try {
            return json.readValue(event.data(), type);
        } catch (Exception e) {
            throw new PoisonEventException("data of " + event.type() + " " + event.id() + " does not parse as "
                    + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}

package vn.gov.training.platform.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The published event contracts, checked on both sides: {@code docs/asyncapi.yaml} names, per topic, every CloudEvents
 * type and the producer's JSON Schema of its data. Producers' tests check the events they read back from the broker;
 * consumers' fixtures check the events they hand-build, so a fixture cannot drift from what the producer sends.
 */
public final class EventContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DOCUMENT = Path.of("docs", "asyncapi.yaml");
    private static volatile EventContract loaded;

    private final Map<String, Map<String, JsonSchema>> schemasByTopicAndType;

    private EventContract(Map<String, Map<String, JsonSchema>> schemasByTopicAndType) {
        this.schemasByTopicAndType = schemasByTopicAndType;
    }

    /** The contracts of the repository this test runs in (read once). */
    public static EventContract published() {
        EventContract contract = loaded;
        if (contract == null) {
            synchronized (EventContract.class) {
                if (loaded == null) {
                    loaded = read(RepoRoot.find());
                }
                contract = loaded;
            }
        }
        return contract;
    }

    /** Fails unless the record's topic declares its {@code ce_type} and its value matches that type's schema. */
    public void assertValid(ProducerRecord<String, String> record) {
        assertValid(record.topic(), header(record.headers(), "ce_type"), record.value());
    }

    /** The same for an event read back from the broker. */
    public void assertValid(ConsumerRecord<String, String> record) {
        assertValid(record.topic(), header(record.headers(), "ce_type"), record.value());
    }

    /** Fails unless {@code topic} declares {@code type} and {@code data} (JSON) matches that type's schema. */
    public void assertValid(String topic, String type, String data) {
        Set<String> errors = errorsOf(topic, type, data);
        if (!errors.isEmpty()) {
            throw new AssertionError("event " + type + " on " + topic + " breaks its contract: " + errors
                    + "\n" + data);
        }
    }

    /** What is wrong with the event, empty when it keeps the contract. */
    public Set<String> errorsOf(String topic, String type, String data) {
        Map<String, JsonSchema> types = schemasByTopicAndType.get(stripDeadLetter(topic));
        if (types == null) {
            return Set.of("topic " + topic + " is not in " + DOCUMENT);
        }
        JsonSchema schema = types.get(type);
        if (schema == null) {
            return Set.of("type " + type + " is not declared for topic " + topic + " (declared: "
                    + types.keySet() + ")");
        }
        try {
            return schema.validate(JSON.readTree(data)).stream().map(ValidationMessage::getMessage)
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
        } catch (IOException e) {
            return Set.of("data is not JSON: " + e.getMessage());
        }
    }

    /** A dead-letter topic carries the records of its topic unchanged. */
    private static String stripDeadLetter(String topic) {
        return topic.endsWith(".dlt") ? topic.substring(0, topic.length() - ".dlt".length()) : topic;
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static EventContract read(Path root) {
        try {
            JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(root.resolve(DOCUMENT).toFile());
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
            Map<String, Map<String, JsonSchema>> contracts = new HashMap<>();
            for (Iterator<JsonNode> channels = document.path("channels").elements(); channels.hasNext(); ) {
                JsonNode channel = channels.next();
                Map<String, JsonSchema> types = new HashMap<>();
                for (Iterator<JsonNode> refs = channel.path("messages").elements(); refs.hasNext(); ) {
                    JsonNode message = resolve(document, refs.next().path("$ref").asText());
                    JsonSchema schema = factory.getSchema(payload(root.resolve("docs"),
                            message.path("payload").path("$ref").asText()));
                    for (JsonNode type : typesOf(document, message)) {
                        types.put(type.asText(), schema);
                    }
                }
                contracts.put(channel.path("address").asText(), types);
            }
            return new EventContract(contracts);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the event contracts in " + DOCUMENT, e);
        }
    }

    /** The {@code ce_type} enum of a message's headers ({@code allOf} of the common headers and its own). */
    private static Iterable<JsonNode> typesOf(JsonNode document, JsonNode message) {
        for (JsonNode part : message.path("headers").path("allOf")) {
            JsonNode types = part.path("properties").path("ce_type").path("enum");
            if (types.isArray()) {
                return types;
            }
        }
        throw new IllegalStateException("message " + message.path("name").asText() + " declares no ce_type enum");
    }

    private static JsonNode resolve(JsonNode document, String localRef) {
        return document.at(localRef.substring(1));
    }

    /**
     * The schema a payload reference names: a file, or a definition inside it ({@code file#/$defs/x}), which is
     * checked as the file's root with {@code $ref} to that definition so its sibling definitions still resolve.
     */
    private static JsonNode payload(Path base, String ref) throws IOException {
        int hash = ref.indexOf('#');
        JsonNode file = JSON.readTree(base.resolve(hash < 0 ? ref : ref.substring(0, hash)).normalize().toFile());
        if (hash < 0) {
            return file;
        }
        ObjectNode root = ((ObjectNode) file).deepCopy();
        root.remove("oneOf");
        root.remove("anyOf");
        root.put("$ref", ref.substring(hash));
        return root;
    }
}

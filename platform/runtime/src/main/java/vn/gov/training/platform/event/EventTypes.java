package vn.gov.training.platform.event;

/** Builds and parses event type names of the form {@code vn.gov.training.<aggregate>.<event>.v<version>}. */
public final class EventTypes {

    public static final String PREFIX = "vn.gov.training.";

    private EventTypes() {
    }

    public static String of(String aggregate, String event) {
        return of(aggregate, event, 1);
    }

    public static String of(String aggregate, String event, int version) {
        return PREFIX + aggregate + "." + event + ".v" + version;
    }

    /** The aggregate part of a type name: {@code org-unit} in {@code vn.gov.training.org-unit.created.v1}. */
    public static String aggregate(String type) {
        String[] parts = parts(type);
        return parts[parts.length - 3];
    }

    /** The event part of a type name: {@code created} in {@code vn.gov.training.org-unit.created.v1}. */
    public static String eventName(String type) {
        String[] parts = parts(type);
        return parts[parts.length - 2];
    }

    private static String[] parts(String type) {
        if (type == null || !type.startsWith(PREFIX)) {
            throw new PoisonEventException("unknown event type " + type);
        }
        String[] parts = type.substring(PREFIX.length()).split("\\.");
        if (parts.length < 3 || !parts[parts.length - 1].matches("v\\d+")) {
            throw new PoisonEventException("malformed event type " + type);
        }
        return parts;
    }
}

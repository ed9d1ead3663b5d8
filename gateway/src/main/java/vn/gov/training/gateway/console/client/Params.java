package vn.gov.training.gateway.console.client;

import java.util.UUID;

import jakarta.ws.rs.NotFoundException;

/** What the pages received, as the typed parameters of the clients. */
public final class Params {

    private Params() {
    }

    /** The text, or null (not sent) when nothing was filled in. */
    public static String filled(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** The id of a record; one that is no id at all names no record (404), as the services answer it. */
    public static UUID id(Object id) {
        try {
            return UUID.fromString(String.valueOf(id).strip());
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }

    /** The id filtered on, or null (not filtered) when none was chosen. */
    public static UUID optionalId(String id) {
        return filled(id) == null ? null : id(id);
    }
}

package vn.gov.training.platform.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Caller;

/**
 * Makes a write safe to retry: with an {@code Idempotency-Key}, the first call's outcome is stored in the same
 * transaction as the write, and a retry with the same key and body gets the same response without a second
 * write. The same key with a different body is refused (422). Keys are scoped per caller.
 */
@ApplicationScoped
public class IdempotentWrites {

    public static final String HEADER = "Idempotency-Key";

    private final ObjectMapper json;
    private final EntityManager entityManager;
    private final Caller caller;

    IdempotentWrites(ObjectMapper json, EntityManager entityManager, Caller caller) {
        this.json = json;
        this.entityManager = entityManager;
        this.caller = caller;
    }

    /**
     * @param key     the client's key, or null for a write without one
     * @param request the request body, fingerprinted to detect a reused key
     * @param write   performs the write and returns a response with a JSON entity
     */
    @Transactional
    public Response execute(String key, Object request, Supplier<Response> write) {
        if (key == null || key.isBlank()) {
            return write.get();
        }
        String scopedKey = caller.name() + ":" + key;
        String hash = fingerprint(request);
        // serialise concurrent retries of one key: the second waits for the first to commit
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, scopedKey)
                .getSingleResult();
        IdempotencyRecord stored = IdempotencyRecord.findById(scopedKey);
        if (stored != null) {
            if (!stored.requestHash.equals(hash)) {
                throw new ProblemException(422, "idempotency-key-reused", key);
            }
            return Response.status(stored.status).entity(stored.body).type(MediaType.APPLICATION_JSON)
                    .header("Idempotent-Replayed", "true").build();
        }
        Response response = write.get();
        IdempotencyRecord record = new IdempotencyRecord();
        record.key = scopedKey;
        record.requestHash = hash;
        record.status = response.getStatus();
        record.body = toJson(response.getEntity());
        record.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        record.persist();
        return response;
    }

    private String fingerprint(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(toJson(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String toJson(Object value) {
        try {
            return value == null ? null : json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}

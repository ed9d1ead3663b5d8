package vn.gov.training.platform.deadletter;

import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Roles;

/**
 * Admins see the dead-letter topics of the service's channels and re-drive one once the cause is fixed: its records
 * go back through the normal idempotent consumption (see {@link DeadLetters}). Each re-drive is audited.
 */
@Path("/api/admin/dead-letters")
@RolesAllowed(Roles.ADMIN)
public class DeadLetterResource {

    public record Redriven(String topic, long redriven) {
    }

    private final DeadLetters deadLetters;
    private final AuditTrail audit;

    DeadLetterResource(DeadLetters deadLetters, AuditTrail audit) {
        this.deadLetters = deadLetters;
        this.audit = audit;
    }

    @GET
    public List<DeadLetters.TopicState> list() {
        return deadLetters.states();
    }

    @POST
    @Path("/{topic}/redrive")
    public Redriven redrive(@PathParam("topic") String topic) {
        if (!deadLetters.topics().contains(topic)) {
            throw ProblemException.notFound("not-found");
        }
        long sent = deadLetters.redrive(topic);
        QuarkusTransaction.requiringNew().run(() -> audit.record("dead-letter-topic", topic, "redriven", null,
                Map.of("redriven", sent)));
        return new Redriven(topic, sent);
    }
}

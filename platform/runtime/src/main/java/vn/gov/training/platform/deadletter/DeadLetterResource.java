package vn.gov.training.platform.deadletter;

import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.gov.training.platform.audit.AuditTrail;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Roles;

/**
 * Admins see the dead-letter topics of the service's channels and re-drive one once the cause is fixed: its records
 * go back through the normal idempotent consumption (see {@link DeadLetters}). Each re-drive is audited.
 */
@Tag(name = "Vận hành", description = "Thao tác cho người vận hành: bản sao dữ liệu từ sự kiện, thư chết, dựng lại. / Operator operations.")
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

    @Operation(summary = "Hàng đợi thư chết",
            description = "Với mỗi topic thư chết (`<topic>.dlt`) mà dịch vụ tiêu thụ: số bản ghi và số chưa gửi lại.\n\n*English:* Dead-letter topics this service consumes: records and pending.")
    @GET
    public List<DeadLetters.TopicState> list() {
        return deadLetters.states();
    }

    @Operation(summary = "Gửi lại thư chết",
            description = "Gửi mọi bản ghi chưa gửi lại của `<topic>.dlt` về topic gốc (có kiểm toán); dùng sau khi đã sửa nguyên nhân.\n\n*English:* Re-drive a dead-letter topic to its source topic (audited).")
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

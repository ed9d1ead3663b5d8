package vn.gov.training.enrolment.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.gov.training.enrolment.domain.ClassCopy;
import vn.gov.training.enrolment.domain.Enrolment;
import vn.gov.training.enrolment.service.CredentialChecks;
import vn.gov.training.enrolment.service.RateLimiter;
import vn.gov.training.platform.problem.ProblemResponses;

/**
 * Anyone (an employer, another province) may check a credential without logging in: genuine or not, for which
 * programme and date, with the holder's name partly masked. Rate-limited per client address.
 */
@Tag(name = "Văn bằng", description = "Xác minh công khai văn bằng, chứng chỉ do hệ thống cấp. / Public credential check.")
@Path("/api/credentials/{number}/verify")
@PermitAll
public class CredentialResource {

    private final RateLimiter limiter;
    private final ProblemResponses problems;
    private final CredentialChecks credentials;

    CredentialResource(RateLimiter limiter, ProblemResponses problems, CredentialChecks credentials) {
        this.limiter = limiter;
        this.problems = problems;
        this.credentials = credentials;
    }

    public record Verification(String credentialNumber, boolean genuine, String holder, String programCode,
                               String programName, String category, String level, String classCode, String grade,
                               LocalDate completedOn, LocalDate issuedOn) {
    }

    @APIResponse(responseCode = "200", description = "Kết quả xác minh (`genuine` false khi không có văn bằng số này).",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Verification.class))})
    @Operation(summary = "Xác minh văn bằng, chứng chỉ",
            description = "Công khai, không cần token: cho biết số văn bằng có do hệ thống cấp không, cấp ngày nào, chương trình nào (không lộ dữ liệu cá nhân); giới hạn số lần gọi.\n\n*English:* Public check of a credential number (no personal data); rate-limited.")
    @GET
    public Response verify(@PathParam("number") String number, @Context HttpServerRequest request) {
        long wait = limiter.tryAcquire(request.remoteAddress().hostAddress());
        if (wait > 0) {
            return Response.fromResponse(problems.of(429, "rate-limited", List.of(), wait))
                    .header("Retry-After", wait).build();
        }
        Optional<CredentialChecks.Issued> issued = credentials.find(number);
        if (issued.isEmpty()) {
            return Response.ok(new Verification(number, false, null, null, null, null, null, null, null, null, null))
                    .build();
        }
        Enrolment e = issued.get().enrolment();
        ClassCopy cls = issued.get().cls();
        String holder = issued.get().holderName();
        return Response.ok(new Verification(number, true, holder == null ? null : NameMask.mask(holder),
                cls == null ? null : cls.program.code(), cls == null ? null : cls.program.name(), e.category, e.level,
                cls == null ? null : cls.code, e.grade == null ? null : e.grade.name(), e.completedOn,
                e.credentialIssuedOn)).build();
    }
}

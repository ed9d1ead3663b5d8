package vn.gov.training.gateway.console;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import vn.gov.training.gateway.console.client.EnrolmentApi;
import vn.gov.training.gateway.console.client.ServiceAnswers;

/**
 * The public page of a credential number ({@code /verify?number=...}, no login): whether the system issued it, for
 * which programme and when, the holder's name partly masked, as enrolment-service's public check answers it. The
 * link next to each credential of "Hồ sơ của tôi" points here, so a holder can hand it to anyone.
 */
@Path("/verify")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class VerifyPage {

    @Inject
    EnrolmentApi enrolment;
    @Inject
    ServiceAnswers answers;
    @Location("verify.html")
    Template page;

    @GET
    public TemplateInstance verify(@QueryParam("number") String number) {
        String n = number == null ? "" : number.strip();
        if (n.isEmpty() || n.length() > 100) {
            return page.data("number", n).data("result", null).data("v", java.util.Map.of());
        }
        ApiResult result = answers.of(enrolment.verifyCredential(n));
        return page.data("number", n).data("result", result).data("v", result.map());
    }
}

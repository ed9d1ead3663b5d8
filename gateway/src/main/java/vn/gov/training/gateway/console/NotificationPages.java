package vn.gov.training.gateway.console;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import vn.gov.training.gateway.console.client.EnrolmentApi;
import vn.gov.training.gateway.console.client.Params;
import vn.gov.training.gateway.console.client.ServiceAnswers;

/**
 * Which mail notifications a person receives, on "Hồ sơ của tôi" and on the person page of their unit officer: each
 * kind with its Vietnamese name, the optional ones turned off and on again. enrolment-service checks who may change
 * them, refuses to turn off a mandatory kind and audits each change; the console shows the list it answers.
 */
@Path("/console/staff/{id}/notifications")
@Blocking
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class NotificationPages {

    @Inject
    EnrolmentApi enrolment;
    @Inject
    ServiceAnswers answers;
    @Location("console/notifications.html")
    Template section;

    /** The section as the person page shows it. */
    public TemplateInstance of(String id) {
        return section.data("id", id).data("prefs", preferences(id)).data("message", null).data("success", null);
    }

    @POST
    @Path("{kind}")
    public TemplateInstance set(@PathParam("id") String id, @PathParam("kind") String kind,
            @FormParam("enabled") String enabled) {
        if (!"true".equals(enabled) && !"false".equals(enabled)) {
            return section.data("id", id).data("prefs", preferences(id)).data("success", null).data("message",
                    ApiResult.failure(400, "Chưa chọn bật hay tắt", "Hãy chọn bật hoặc tắt loại thông báo này."));
        }
        boolean on = Boolean.parseBoolean(enabled);
        ApiResult changed = answers.of(enrolment.setNotificationPreference(Params.id(id), kind,
                Map.of("enabled", on)));
        return section.data("id", id).data("prefs", changed.ok() ? changed : preferences(id))
                .data("message", changed).data("success", on ? "Đã bật lại thông báo." : "Đã tắt thông báo.");
    }

    private ApiResult preferences(String id) {
        return answers.of(enrolment.notificationPreferences(Params.id(id)));
    }
}

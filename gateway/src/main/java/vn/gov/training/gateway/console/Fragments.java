package vn.gov.training.gateway.console;

import io.quarkus.qute.TemplateInstance;

/** Small HTML answers to htmx actions: a success message or the problem the service gave. */
final class Fragments {

    private Fragments() {
    }

    static TemplateInstance message(ApiResult result, String success) {
        return io.quarkus.arc.Arc.container().instance(io.quarkus.qute.Engine.class).get()
                .getTemplate("console/message.html").data("result", result).data("success", success);
    }

}

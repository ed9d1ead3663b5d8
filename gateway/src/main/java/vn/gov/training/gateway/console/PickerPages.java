package vn.gov.training.gateway.console;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/**
 * The pickers of coded fields (unit, title, rank, job position): what was typed, without diacritics, finds names;
 * the chosen entry replaces the picker, which keeps its code in a hidden field of the form. No script of our own.
 */
@Path("/console/pick/{kind}")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class PickerPages {

    @Inject
    Vocabulary vocabulary;
    @Location("console/picker.html")
    Template picker;
    @Location("console/picker-list.html")
    Template list;

    @GET
    public TemplateInstance find(@PathParam("kind") String kind, @QueryParam("field") String field,
            @QueryParam("id") String id, @Context UriInfo uri) {
        Vocabulary.Kind k = kind(kind);
        String typed = uri.getQueryParameters().getFirst(field + "-q");
        return list.data("entries", vocabulary.find(k, typed, 15)).data("kind", kind).data("field", field)
                .data("id", id);
    }

    @GET
    @Path("chosen")
    public TemplateInstance chosen(@PathParam("kind") String kind, @QueryParam("field") String field,
            @QueryParam("id") String id, @QueryParam("code") String code) {
        kind(kind);
        return picker.data("kind", kind).data("field", field).data("id", id).data("code", code).data("error", null);
    }

    private static Vocabulary.Kind kind(String name) {
        Vocabulary.Kind kind = Vocabulary.Kind.of(name);
        if (kind == null) {
            throw new NotFoundException();
        }
        return kind;
    }
}

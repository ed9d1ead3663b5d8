package vn.gov.training.personnel.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import vn.gov.training.personnel.domain.Person;
import vn.gov.training.personnel.domain.Qualification;
import vn.gov.training.personnel.service.PersonAccess;
import vn.gov.training.personnel.service.QualificationService;
import vn.gov.training.platform.security.Roles;
import vn.gov.training.platform.time.ProvinceTime;

/** A person's qualifications, levels on a date and gaps against the standards of their roles. */
@Path("/api/personnel/{id}")
@Authenticated
public class QualificationResource {

    public record QualificationView(UUID id, String kind, String level, LocalDate awardedOn, String institution,
                                    String credentialNumber, String source) {
        static QualificationView of(Qualification q) {
            return new QualificationView(q.id, q.kind.name(), q.level, q.awardedOn, q.institution, q.credentialNumber,
                    q.source.name());
        }
    }

    private final QualificationService qualifications;
    private final PersonAccess access;

    QualificationResource(QualificationService qualifications, PersonAccess access) {
        this.qualifications = qualifications;
        this.access = access;
    }

    @GET
    @Path("/qualifications")
    public List<QualificationView> list(@PathParam("id") UUID id) {
        Person p = access.readable(id);
        return Qualification.of(p.id).stream().map(QualificationView::of).toList();
    }

    @POST
    @Path("/qualifications")
    @RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER, Roles.UNIT_OFFICER})
    public Response record(@PathParam("id") UUID id, @NotNull QualificationService.NewQualification request) {
        QualificationService.Recorded recorded = qualifications.recordManual(id, request);
        Qualification q = recorded.qualification();
        if (!recorded.created()) {
            return Response.ok(QualificationView.of(q)).build(); // the same qualification, recorded before
        }
        return Response.created(URI.create("/api/personnel/" + id + "/qualifications/" + q.id))
                .entity(QualificationView.of(q)).build();
    }

    /** The highest level of each kind held on {@code at} (default today). */
    @GET
    @Path("/levels")
    public List<QualificationService.LevelHeld> levels(@PathParam("id") UUID id, @QueryParam("at") LocalDate at) {
        Person p = access.readable(id);
        return List.copyOf(QualificationService.levelsOn(p.id, at != null ? at : ProvinceTime.today()).values());
    }

    @GET
    @Path("/gaps")
    public List<QualificationService.Gap> gaps(@PathParam("id") UUID id, @QueryParam("at") LocalDate at) {
        Person p = access.readable(id);
        return qualifications.gaps(p, at != null ? at : ProvinceTime.today());
    }
}

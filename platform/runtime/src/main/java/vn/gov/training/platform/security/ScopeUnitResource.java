package vn.gov.training.platform.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.quarkus.arc.properties.IfBuildProperty;
import vn.gov.training.platform.problem.ProblemException;

/** Lets admins (and the system tests) see what a service's unit copy holds. */
@Path("/api/org-unit-copy")
@IfBuildProperty(name = "training.org-unit-copy.enabled", stringValue = "true")
@RolesAllowed(Roles.ADMIN)
public class ScopeUnitResource {

    public record CopiedUnit(String code, String parentCode, String name, String kind) {
    }

    @GET
    @Path("/{code}")
    public CopiedUnit get(@PathParam("code") String code) {
        ScopeUnit unit = ScopeUnit.findById(code);
        if (unit == null) {
            throw ProblemException.notFound("not-found");
        }
        return new CopiedUnit(unit.code, unit.parentCode, unit.name, unit.kind);
    }
}

package vn.gov.training.platform.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.quarkus.arc.properties.IfBuildProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.gov.training.platform.problem.ProblemException;

/** Lets admins (and the system tests) see what a service's unit copy holds. */
@Tag(name = "Vận hành", description = "Thao tác cho người vận hành: bản sao dữ liệu từ sự kiện, thư chết, dựng lại. / Operator operations.")
@Path("/api/org-unit-copy")
@IfBuildProperty(name = "training.org-unit-copy.enabled", stringValue = "true")
@RolesAllowed(Roles.ADMIN)
public class ScopeUnitResource {

    public record CopiedUnit(String code, String parentCode, String name, String kind) {
    }

    @Operation(summary = "Bản sao đơn vị tại dịch vụ",
            description = "Bản sao cục bộ (dựng từ sự kiện `org-unit`) của một đơn vị mà dịch vụ dùng để xét phạm vi: để đối chiếu khi vận hành.\n\n*English:* The local, event-fed copy of an org unit used for scope checks (for operators).")
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

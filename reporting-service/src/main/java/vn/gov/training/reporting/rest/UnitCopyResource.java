package vn.gov.training.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Roles;
import vn.gov.training.reporting.service.CurrentUnitTree;

/**
 * What reporting knows of a unit, at the address the other services' unit copies have (operators and the system
 * tests ask every service there whether a unit has arrived).
 */
@Tag(name = "Vận hành", description = "Thao tác cho người vận hành: bản sao dữ liệu từ sự kiện, thư chết, dựng lại. / Operator operations.")
@Path("/api/org-unit-copy")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class UnitCopyResource {

    private final CurrentUnitTree units;

    UnitCopyResource(CurrentUnitTree units) {
        this.units = units;
    }

    @Operation(summary = "Bản sao đơn vị tại dịch vụ",
            description = "Đơn vị như dữ liệu báo cáo (dựng từ sự kiện `org-unit`) đang có, dùng để xét phạm vi: để đối chiếu khi vận hành.\n\n*English:* The unit as the event-fed report data holds it, used for scope checks (for operators).")
    @GET
    @Path("/{code}")
    public CurrentUnitTree.Unit get(@PathParam("code") String code) {
        return units.unit(code).orElseThrow(() -> ProblemException.notFound("not-found"));
    }
}

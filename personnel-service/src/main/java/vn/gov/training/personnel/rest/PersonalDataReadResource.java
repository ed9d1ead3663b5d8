package vn.gov.training.personnel.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.gov.training.personnel.service.PersonalDataReads;
import vn.gov.training.platform.security.Roles;
import vn.gov.training.platform.web.PageResponse;

/** The admin's view of the reads of personal data under data-sharing agreements (role {@code personal-data}). */
@Tag(name = "Vận hành", description = "Thao tác cho người vận hành: bản sao dữ liệu từ sự kiện, thư chết, dựng lại. / Operator operations.")
@Path("/api/admin/personal-data-reads")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class PersonalDataReadResource {

    private final PersonalDataReads reads;

    PersonalDataReadResource(PersonalDataReads reads) {
        this.reads = reads;
    }

    @Operation(summary = "Nhật ký đọc dữ liệu cá nhân",
            description = "Mỗi lần một hệ thống có thỏa thuận chia sẻ dữ liệu (vai trò `personal-data`) xem đầy đủ số định danh và ngày sinh của một cán bộ: ai, hồ sơ nào, khi nào, qua thao tác nào; mới nhất trước, lọc theo `reader` hoặc `personnelId`.\n\n*English:* Every read of full national IDs and dates of birth under a data-sharing agreement: who, which record, when, by which operation; newest first.")
    @GET
    public PageResponse<PersonalDataReads.Read> list(@QueryParam("reader") String reader,
                                                     @QueryParam("personnelId") UUID personnelId,
                                                     @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                     @QueryParam("size") @DefaultValue("50")
                                                     @Min(value = 1, message = "{field.page-size}")
                                                     @Max(value = 500, message = "{field.page-size}") int size) {
        return reads.list(reader, personnelId, page, size);
    }
}

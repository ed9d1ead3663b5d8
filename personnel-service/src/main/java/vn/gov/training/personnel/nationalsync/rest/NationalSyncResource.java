package vn.gov.training.personnel.nationalsync.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import vn.gov.training.personnel.nationalsync.domain.DeliveryStatus;
import vn.gov.training.personnel.nationalsync.domain.FileSection;
import vn.gov.training.personnel.nationalsync.domain.NationalDelivery;
import vn.gov.training.personnel.nationalsync.service.NationalDeliveries;
import vn.gov.training.personnel.nationalsync.service.NationalReconciliation;
import vn.gov.training.personnel.nationalsync.service.SyncClock;
import vn.gov.training.platform.problem.Messages;
import vn.gov.training.platform.problem.ProblemException;
import vn.gov.training.platform.security.Roles;
import vn.gov.training.platform.web.PageResponse;

/**
 * The sync with the national database for the province (admins and province managers): deliveries by state (pending,
 * overdue with the deadline, rejected and why), a re-send after a correction, and the reconciliation.
 */
@Tag(name = "Đồng bộ CSDL quốc gia", description = "Gửi thay đổi hồ sơ lên Cơ sở dữ liệu quốc gia về cán bộ, công chức, viên chức; lịch ngày làm việc. / Sync with the national database.")
@Path("/api/national-sync")
@RolesAllowed({Roles.ADMIN, Roles.PROVINCE_MANAGER})
public class NationalSyncResource {

    private final NationalDeliveries deliveries;
    private final NationalReconciliation reconciliation;
    private final SyncClock clock;
    private final Messages messages;

    NationalSyncResource(NationalDeliveries deliveries, NationalReconciliation reconciliation, SyncClock clock,
                         Messages messages) {
        this.deliveries = deliveries;
        this.reconciliation = reconciliation;
        this.clock = clock;
        this.messages = messages;
    }

    @Operation(summary = "Danh sách lượt đồng bộ",
            description = "Các lượt gửi thay đổi hồ sơ lên Cơ sở dữ liệu quốc gia về cán bộ, công chức, viên chức (phân trang), lọc theo trạng thái, phần hồ sơ, quá hạn, cán bộ.\n\n*English:* Deliveries of file changes to the national database (paged), filtered by status, section, overdue, person.")
    @GET
    @Path("/deliveries")
    public PageResponse<DeliveryView> list(@QueryParam("status") String status,
                                           @QueryParam("section") String section,
                                           @QueryParam("overdue") Boolean overdue,
                                           @QueryParam("personnelId") UUID personnelId,
                                           @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                           @QueryParam("size") @DefaultValue("20")
                                           @Min(value = 1, message = "{field.page-size}")
                                           @Max(value = 200, message = "{field.page-size}") int size) {
        PageResponse<NationalDelivery> found = deliveries.list(
                new NationalDeliveries.Filter(parse("status", DeliveryStatus.class, status),
                        parse("section", FileSection.class, section), overdue, personnelId), page, size);
        LocalDate today = clock.today();
        return found.map(d -> DeliveryView.of(d, deliveries.personOf(d), today, deliveries.waitingFor(d)));
    }

    @Operation(summary = "Xem một lượt đồng bộ",
            description = "Trạng thái, hạn gửi (3 ngày làm việc), lý do bị từ chối của một lượt gửi.\n\n*English:* One delivery: status, deadline (3 working days), the national side's reasons.")
    @GET
    @Path("/deliveries/{id}")
    public DeliveryView get(@PathParam("id") UUID id) {
        NationalDelivery d = deliveries.get(id);
        return DeliveryView.of(d, deliveries.personOf(d), clock.today(), deliveries.waitingFor(d));
    }

    /** Sends a rejected delivery again, made from the corrected records (409 unless it is REJECTED). */
    @Operation(summary = "Gửi lại lượt bị từ chối",
            description = "Gửi lại một lượt bị từ chối sau khi đã sửa hồ sơ; được ghi nhật ký. 409 khi lượt không ở trạng thái bị từ chối.\n\n*English:* Re-send a rejected delivery after the record was corrected (audited); 409 unless REJECTED.")
    @POST
    @Path("/deliveries/{id}/resend")
    public DeliveryView resend(@PathParam("id") UUID id) {
        NationalDelivery d = deliveries.resend(id);
        return DeliveryView.of(d, deliveries.personOf(d), clock.today(), deliveries.waitingFor(d));
    }

    /** How many deliveries are in each state, and how many are overdue. */
    @Operation(summary = "Tổng hợp đồng bộ",
            description = "Số lượt theo trạng thái và số lượt quá hạn.\n\n*English:* Counts of deliveries by status, and overdue.")
    @GET
    @Path("/summary")
    public Map<String, Long> summary() {
        return deliveries.summary();
    }

    /** The people (a page of them, or one) whose national file differs from our records. */
    @Operation(summary = "Đối chiếu với hồ sơ quốc gia",
            description = "Danh sách cán bộ có hồ sơ quốc gia khác hồ sơ của tỉnh, nêu các trường khác nhau (không nêu giá trị).\n\n*English:* People whose national file differs from ours, naming the fields that differ (never their values).")
    @GET
    @Path("/reconciliation")
    public NationalReconciliation.Result reconciliation(@QueryParam("personnelId") UUID personnelId,
                                                        @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                        @QueryParam("size") @DefaultValue("50")
                                                        @Min(value = 1, message = "{field.page-size}")
                                                        @Max(value = 200, message = "{field.page-size}") int size) {
        return reconciliation.check(personnelId, page, size);
    }

    private <E extends Enum<E>> E parse(String field, Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(List.of(messages.fieldError(field, "not-one-of",
                    String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()))));
        }
    }
}

package vn.gov.training.enrolment.rest;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import vn.gov.training.enrolment.service.NotificationPreferences;

/** Which notifications a person receives by mail: by the person, their unit's officers, admins, province managers. */
@Tag(name = "Thông báo qua thư", description = "Thông báo bằng thư điện tử gửi cho cán bộ (được duyệt, danh sách chờ, lớp đổi lịch hoặc bị hủy, kết quả, cam kết, đền bù, báo cáo sau khi đi nước ngoài, thiếu thời lượng bồi dưỡng tối thiểu); cán bộ tắt được các loại không bắt buộc. / Mail notifications and a person's choices.")
@Path("/api/personnel/{personnelId}/notification-preferences")
@Authenticated
public class NotificationPreferenceResource {

    private final NotificationPreferences preferences;

    NotificationPreferenceResource(NotificationPreferences preferences) {
        this.preferences = preferences;
    }

    /** A kind of notification as the person has it, with its Vietnamese name. */
    public record PreferenceView(String kind, String label, boolean optional, boolean enabled) {

        static List<PreferenceView> of(List<NotificationPreferences.Setting> settings) {
            return settings.stream().map(s -> new PreferenceView(s.kind().name(), s.kind().label, s.optional(),
                    s.enabled())).toList();
        }
    }

    /** {@code enabled} is checked by the service after the caller's access (a stranger learns nothing from a 400). */
    public record PreferenceChange(Boolean enabled) {
    }

    @Operation(summary = "Các loại thông báo qua thư của cán bộ",
            description = "Mỗi loại thông báo, tên tiếng Việt, có bắt buộc không và cán bộ có nhận không; do chính cán bộ, cán bộ tổ chức của đơn vị hoặc cấp tỉnh xem.\n\n*English:* Each kind of mail notification, whether it is optional and whether the person receives it; for the person, their unit's officer or the province.")
    @GET
    public List<PreferenceView> list(@PathParam("personnelId") UUID personnelId) {
        return PreferenceView.of(preferences.of(personnelId));
    }

    @Operation(summary = "Bật hoặc tắt một loại thông báo qua thư",
            description = "Bật hoặc tắt một loại thông báo không bắt buộc (loại bắt buộc không tắt được: lỗi trường `enabled`); mỗi thay đổi được ghi nhật ký. Trả về mọi loại như sau thay đổi.\n\n*English:* Turn an optional kind of notification on or off (a mandatory one cannot be turned off); audited. Answers every kind as it is afterwards.")
    @PUT
    @Path("/{kind}")
    public List<PreferenceView> set(@PathParam("personnelId") UUID personnelId, @PathParam("kind") String kind,
                                    PreferenceChange change) {
        return PreferenceView.of(preferences.set(personnelId, kind, change == null ? null : change.enabled()));
    }
}

package vn.gov.training.reporting.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.gov.training.reporting.webhook.Subscription;

/** A webhook subscription as its owner sees it; {@code secret} only in the answer that made or rotated it. */
@Schema(name = "WebhookSubscription", description = "Một đăng ký webhook. / A webhook subscription.")
public record WebhookView(
        UUID id,
        @Schema(description = "Tên do người đăng ký đặt.") String name,
        @Schema(description = "Địa chỉ nhận (https).", examples = "https://he-thong-so-noi-vu.example.gov.vn/webhooks/training") String targetUrl,
        @Schema(description = "Các tiền tố kiểu sự kiện (rỗng: mọi kiểu).") List<String> types,
        @Schema(enumeration = {"ACTIVE", "PAUSED"}) String status,
        @Schema(description = "Người (hoặc client) đã đăng ký.") String owner,
        @Schema(description = "Phạm vi: mọi đơn vị (true) hay cây đơn vị `orgUnit`.") boolean provinceWide,
        String orgUnit,
        @Schema(description = "Có ngày sinh trong dữ liệu (vai trò `personal-data`).") boolean personalData,
        @Schema(description = "Vị trí trong luồng thay đổi đã gửi tới.") long cursor,
        @Schema(description = "Số lần gửi lỗi liên tiếp của sự kiện kế tiếp.") int attempts,
        OffsetDateTime nextAttemptAt,
        @Schema(description = "Lỗi của lần gửi gần nhất (nếu lỗi).") String lastError,
        OffsetDateTime lastDeliveredAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Schema(description = "Khóa ký HMAC (`whsec_…`): chỉ có trong câu trả lời khi tạo hoặc đổi khóa; hãy lưu lại.") String secret) {

    static WebhookView of(Subscription s, boolean withSecret) {
        return new WebhookView(s.id(), s.name(), s.targetUrl(), s.types(), s.status(), s.owner(), s.provinceWide(),
                s.orgUnit(), s.personalData(), s.cursor(), s.attempts(), s.nextAttemptAt(), s.lastError(),
                s.lastDeliveredAt(), s.createdAt(), s.updatedAt(), withSecret ? s.secret() : null);
    }
}

package vn.gov.training.personnel.nationalsync.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.gov.training.personnel.nationalsync.domain.InitialLoad;

/** An initial load and its progress: people done out of those in the register when it started, deliveries made. */
@Schema(name = "NationalInitialLoad", description = "Một lần nạp ban đầu lên CSDL quốc gia và tiến độ. / An initial load and its progress.")
public record InitialLoadView(UUID id,
                              @Schema(enumeration = {"RUNNING", "COMPLETED"}) String status,
                              String requestedBy, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                              @Schema(description = "Số cán bộ trong hồ sơ khi bắt đầu. / People in the register when it started.") int totalPeople,
                              @Schema(description = "Số cán bộ đã xử lý (gồm cả người được thêm trong khi chạy). / People done.") int processedPeople,
                              @Schema(description = "Số lượt gửi đã tạo (phần hồ sơ quốc gia còn thiếu). / Deliveries created.") int deliveriesCreated,
                              @Schema(description = "Phần trăm hoàn thành (0-100). / Percent done.") int percent) {

    static InitialLoadView of(InitialLoad l) {
        int percent = l.status == InitialLoad.Status.COMPLETED ? 100
                : l.totalPeople == 0 ? 0 : Math.min(99, (int) (100L * l.processedPeople / l.totalPeople));
        return new InitialLoadView(l.id, l.status.name(), l.requestedBy, l.startedAt, l.finishedAt, l.totalPeople,
                l.processedPeople, l.deliveriesCreated, percent);
    }
}

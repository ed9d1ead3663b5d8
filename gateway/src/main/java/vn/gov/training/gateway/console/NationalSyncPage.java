package vn.gov.training.gateway.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import vn.gov.training.gateway.console.client.Params;
import vn.gov.training.gateway.console.client.PersonnelApi;
import vn.gov.training.gateway.console.client.ServiceAnswers;

/**
 * The sync with the national database for the province: counts by state, what is overdue (with the deadline), what
 * was rejected and why (with a re-send once corrected), what is pending, the latest initial load (admins start one);
 * from personnel-service's /api/national-sync.
 */
@Path("/console/national-sync")
@Blocking
public class NationalSyncPage {

    private static final Map<String, String> STATES = Map.of("PENDING", "Chờ gửi", "SENT", "Đang gửi",
            "ACCEPTED", "Đã tiếp nhận", "REJECTED", "Bị từ chối", "OVERDUE", "Quá hạn");
    private static final Map<String, String> SECTIONS = Map.of("PERSON", "Thông tin cán bộ", "LEVEL",
            "Trình độ", "TRAINING", "Quá trình đào tạo, bồi dưỡng");

    private static final Map<String, String> LOAD_STATES = Map.of("RUNNING", "Đang chạy", "COMPLETED", "Đã xong");

    @Inject
    PersonnelApi personnel;
    @Inject
    ServiceAnswers answers;
    @Inject
    ConsoleContext console;
    @Location("console/national-sync.html")
    Template page;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show() {
        ApiResult summary = answers.of(personnel.nationalSyncSummary());
        ApiResult overdue = answers.of(personnel.nationalDeliveries(null, true, 100));
        ApiResult rejected = answers.of(personnel.nationalDeliveries("REJECTED", null, 100));
        ApiResult pending = answers.of(personnel.nationalDeliveries("PENDING", null, 50));
        Map<String, Object> counts = new LinkedHashMap<>();
        if (summary.ok()) {
            summary.map().forEach((state, count) -> counts.put(STATES.getOrDefault(state, "Quá hạn (tất cả)"), count));
        }
        ApiResult loads = answers.of(personnel.initialLoads(1));
        Map<String, Object> load = null;
        if (loads.ok() && !loads.items().isEmpty()) {
            load = new LinkedHashMap<>(loads.items().get(0));
            load.put("stateLabel", LOAD_STATES.getOrDefault(String.valueOf(load.get("status")),
                    String.valueOf(load.get("status"))));
        }
        return page.data("summary", summary).data("counts", counts.entrySet())
                .data("load", load).data("canStartLoad", console.getViewer().isAdmin())
                .data("lists", List.of(list("Quá hạn", overdue), list("Bị từ chối", rejected), list("Chờ gửi", pending)));
    }

    @POST
    @Path("deliveries/{id}/resend")
    public TemplateInstance resend(@PathParam("id") String id) {
        return Fragments.message(answers.of(personnel.resendNationalDelivery(Params.id(id), Map.of())),
                "Đã đưa vào hàng đợi gửi lại.");
    }

    /** The initial load (admins): deliveries for every person whose national file lacks a section. */
    @POST
    @Path("initial-loads")
    public TemplateInstance startInitialLoad() {
        return Fragments.message(answers.of(personnel.startInitialLoad(Map.of())),
                "Đã bắt đầu nạp ban đầu (hoặc lần nạp đang chạy vẫn tiếp tục); tải lại trang để xem tiến độ.");
    }

    private static Map<String, Object> list(String title, ApiResult result) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("title", title);
        list.put("ok", result.ok());
        list.put("message", result.ok() ? null : result.message());
        list.put("total", result.ok() ? result.total() : 0);
        list.put("items", result.ok() ? result.items().stream().map(NationalSyncPage::row).toList() : List.of());
        return list;
    }

    private static Map<String, Object> row(Map<String, Object> d) {
        Map<String, Object> row = new LinkedHashMap<>(d);
        row.put("stateLabel", STATES.getOrDefault(String.valueOf(d.get("status")), String.valueOf(d.get("status"))));
        row.put("sectionLabel", SECTIONS.getOrDefault(String.valueOf(d.get("section")), String.valueOf(d.get("section"))));
        row.put("rejected", "REJECTED".equals(d.get("status")));
        StringBuilder reasons = new StringBuilder();
        if (d.get("reasons") instanceof List<?> rs) {
            for (Object r : rs) {
                if (r instanceof Map<?, ?> m) {
                    reasons.append(reasons.isEmpty() ? "" : "; ").append(m.get("field")).append(": ")
                            .append(m.get("message") != null ? m.get("message") : m.get("code"));
                }
            }
        }
        row.put("reasonText", reasons.toString());
        return row;
    }
}

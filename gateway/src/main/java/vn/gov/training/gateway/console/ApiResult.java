package vn.gov.training.gateway.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's answer as plain maps and lists (what Qute navigates), with the problem's Vietnamese title, detail
 * and field errors when it failed.
 */
@io.quarkus.qute.TemplateData
public record ApiResult(int status, Object body) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map() {
        return body instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    /** The items of a page (the services' {@code PageResponse.items}) or of a bare list; empty when the call failed. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> items() {
        if (!ok()) {
            return List.of();
        }
        if (body instanceof List<?> list) {
            return (List<Map<String, Object>>) list;
        }
        return list("items");
    }

    /** The answer when it is a bare JSON list (empty otherwise). */
    @SuppressWarnings("unchecked")
    public <T> List<T> bodyList() {
        return ok() && body instanceof List<?> list ? (List<T>) list : List.of();
    }

    /** A list member of the answer (e.g. a report's {@code rows}, a history's {@code entries}). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list(String key) {
        if (ok() && map().get(key) instanceof List<?> list) {
            return (List<Map<String, Object>>) list;
        }
        return List.of();
    }

    public long total() {
        return map().get("total") instanceof Number n ? n.longValue() : items().size();
    }

    /** The message to show a person when the call failed (the problem's detail, else its title). */
    public String message() {
        if (ok()) {
            return null;
        }
        Object detail = map().get("detail");
        Object title = map().get("title");
        if (detail != null && !detail.toString().isBlank()) {
            return detail.toString();
        }
        if (title != null) {
            return title.toString();
        }
        return switch (status) {
            case 401 -> "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.";
            case 403 -> "Bạn không có quyền thực hiện thao tác này.";
            case 404 -> "Không tìm thấy dữ liệu (hoặc dữ liệu nằm ngoài phạm vi đơn vị của bạn).";
            case 503, 502 -> "Dịch vụ tạm thời không sẵn sàng. Vui lòng thử lại sau.";
            case 504 -> "Dịch vụ phản hồi quá chậm. Vui lòng thử lại sau.";
            default -> "Đã xảy ra lỗi (mã " + status + ").";
        };
    }

    /** Field errors of a validation problem: field name → Vietnamese message. */
    public Map<String, String> fieldErrors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (map().get("errors") instanceof List<?> list) {
            for (Object e : list) {
                if (e instanceof Map<?, ?> m && m.get("field") != null) {
                    Object msg = m.get("message") != null ? m.get("message") : m.get("code");
                    errors.merge(String.valueOf(m.get("field")), String.valueOf(msg), (a, b) -> a + "; " + b);
                }
            }
        }
        return errors;
    }

    public List<String> fieldErrorList() {
        List<String> list = new ArrayList<>();
        fieldErrors().forEach((f, m) -> list.add(Labels.field(f) + ": " + m));
        return list;
    }

    /** A refusal's field errors with their labels, else its message. */
    public List<String> fieldErrorsOrMessage() {
        List<String> list = fieldErrorList();
        return list.isEmpty() ? List.of(message()) : list;
    }

    /** A 400 the console answers itself, for fields it checked before calling a service (field → message). */
    public static ApiResult invalid(Map<String, String> errors) {
        List<Map<String, Object>> list = new ArrayList<>();
        errors.forEach((field, message) -> list.add(Map.of("field", field, "message", message)));
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("title", "Dữ liệu không hợp lệ");
        problem.put("status", 400);
        problem.put("errors", list);
        return new ApiResult(400, problem);
    }

    public static ApiResult failure(int status, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("title", title);
        problem.put("detail", detail);
        problem.put("status", status);
        return new ApiResult(status, problem);
    }
}

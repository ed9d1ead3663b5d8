package vn.gov.training.course;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static vn.gov.training.course.CourseFixtures.as;
import static vn.gov.training.course.CourseFixtures.createProgram;
import static vn.gov.training.course.CourseFixtures.program;
import static vn.gov.training.course.CourseFixtures.suffix;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.gov.training.platform.testing.RealInfrastructure;

/** Catalogue search ignores case and diacritics (đ as d) and filters by category, level, rank, title, status. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ProgramSearchTest {

    @Test
    void searchIgnoresDiacriticsAndCase() {
        String tag = suffix();
        String code = "S-" + tag;
        String id = createProgram(program(code, "Bồi dưỡng cập nhật kiến thức Đảng viên " + tag));
        as("admin").post("/api/programs/" + id + "/publish").then().statusCode(200);

        as("staff").queryParam("q", "boi duong cap nhat kien thuc dang vien " + tag.toLowerCase())
                .get("/api/programs").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id));
        as("staff").queryParam("q", "ĐẢNG VIÊN " + tag).get("/api/programs").then()
                .body("items.id", contains(id));
        as("staff").queryParam("q", "  Kiến   THỨC đảng  viên " + tag + " ").get("/api/programs").then()
                .body("items.id", contains(id));
        as("staff").queryParam("q", code.toLowerCase()).get("/api/programs").then()
                .body("items.id", contains(id));
        as("staff").queryParam("q", "đoàn viên " + tag).get("/api/programs").then().body("total", equalTo(0));
        // a wildcard typed by a user is a character, not a pattern
        as("staff").queryParam("q", "%" + tag).get("/api/programs").then().body("total", equalTo(0));
    }

    @Test
    void filtersByCategoryLevelTargetRankTitleAndStatus() {
        String tag = suffix();
        Map<String, Object> principal = program("QL-" + tag, "Quản lý nhà nước chương trình chuyên viên chính " + tag);
        principal.put("category", "STATE_MANAGEMENT");
        principal.put("level", "PRINCIPAL_SPECIALIST");
        principal.put("grantsLevel", Map.of("kind", "STATE_MANAGEMENT", "level", "PRINCIPAL_SPECIALIST"));
        principal.put("targetGroups", Map.of("rankCodes", List.of(), "titleCodes", List.of("PHO_TRUONG_PHONG")));
        principal.put("requiredRankCodes", List.of("SPECIALIST"));
        String principalId = createProgram(principal);
        as("admin").post("/api/programs/" + principalId + "/publish").then().statusCode(200);
        Map<String, Object> specialist = program("QLB-" + tag, "Quản lý nhà nước chương trình chuyên viên " + tag);
        specialist.put("category", "STATE_MANAGEMENT");
        specialist.put("level", "SPECIALIST");
        specialist.put("targetGroups", Map.of("rankCodes", List.of("OFFICER")));
        String draftId = createProgram(specialist);

        String q = "quan ly nha nuoc chuong trinh chuyen vien " + tag.toLowerCase();
        as("admin").queryParam("q", q).get("/api/programs").then().body("total", equalTo(1))
                .body("items.id", contains(draftId));
        as("admin").queryParam("q", "quan ly nha nuoc").queryParam("category", "STATE_MANAGEMENT")
                .queryParam("level", "PRINCIPAL_SPECIALIST").queryParam("size", 200).get("/api/programs").then()
                .body("items.id", hasItem(principalId)).body("items.id", not(hasItem(draftId)));
        as("admin").queryParam("q", tag).queryParam("targetRank", "SPECIALIST").get("/api/programs").then()
                .body("items.id", contains(principalId));
        as("admin").queryParam("q", tag).queryParam("targetRank", "OFFICER").get("/api/programs").then()
                .body("items.id", contains(draftId));
        as("admin").queryParam("q", tag).queryParam("targetTitle", "PHO_TRUONG_PHONG").get("/api/programs").then()
                .body("items.id", contains(principalId));
        as("admin").queryParam("q", tag).queryParam("status", "DRAFT").get("/api/programs").then()
                .body("items.id", contains(draftId));
        // readers outside the catalogue team never see drafts
        as("unit-officer").queryParam("q", tag).get("/api/programs").then().body("items.id", contains(principalId));
        as("unit-officer").queryParam("q", tag).queryParam("size", 1).queryParam("page", 0).get("/api/programs")
                .then().body("page", equalTo(0)).body("size", equalTo(1)).body("total", equalTo(1));
        as("admin").queryParam("category", "NOPE").get("/api/programs").then().statusCode(400)
                .body("errors[0].field", equalTo("category"));
        as("admin").queryParam("size", 0).get("/api/programs").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }
}

package vn.gov.training.personnel;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import vn.gov.training.personnel.domain.Person;
import vn.gov.training.platform.testing.Tokens;

/** Units and people for the tests, made through the API; unique per call where the database is shared. */
final class TestData {

    private TestData() {
    }

    /** The demo users' units (HG, HG.VT, HG.VT.P1, HG.CT, HG.TCT), created once per test database. */
    static synchronized void ensureUnits() {
        unit("HG", "Tỉnh Hậu Giang", "PROVINCE", null);
        unit("HG.VT", "Thành phố Vị Thanh", "DISTRICT", "HG");
        unit("HG.VT.P1", "Phường I", "COMMUNE", "HG.VT");
        unit("HG.CT", "Huyện Châu Thành", "DISTRICT", "HG");
        unit("HG.TCT", "Trường Chính trị tỉnh Hậu Giang", "SCHOOL", "HG");
    }

    static void unit(String code, String name, String kind, String parent) {
        if (given().header("Authorization", Tokens.bearer("admin")).get("/api/org-units/" + code).statusCode() == 200) {
            return;
        }
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", name, "kind", kind,
                "validFrom", "2004-01-01"));
        if (parent != null) {
            body.put("parentCode", parent);
        }
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON).body(body)
                .post("/api/org-units").then().statusCode(201);
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    /**
     * A valid national ID of Hậu Giang (093) for the gender and date of birth, random in its last 6 digits and held
     * by nobody yet (the imports of other tests fill whole blocks of men born in 1985).
     */
    static String nationalId(String gender, LocalDate born) {
        int digit = (born.getYear() >= 2000 ? 2 : 0) + ("FEMALE".equals(gender) ? 1 : 0);
        String prefix = "093" + digit + String.format("%02d", born.getYear() % 100);
        while (true) {
            String id = prefix + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
            if (QuarkusTransaction.requiringNew().call(() -> Person.count("nationalId", id)) == 0) {
                return id;
            }
        }
    }

    static Map<String, Object> person(String fullName, String gender, String unit) {
        LocalDate born = LocalDate.of(1985, 4, 12);
        Map<String, Object> body = new HashMap<>();
        body.put("nationalId", nationalId(gender, born));
        body.put("fullName", fullName);
        body.put("dateOfBirth", born.toString());
        body.put("gender", gender);
        body.put("ethnicity", "Kinh");
        body.put("category", "CIVIL_SERVANT");
        body.put("orgUnitCode", unit);
        body.put("rankCode", "SPECIALIST");
        body.put("startedServiceOn", "2009-08-01");
        return body;
    }

    /** Registers a person as admin and returns the id. */
    static String register(Map<String, Object> body) {
        return given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON).body(body)
                .post("/api/personnel").then().statusCode(201).extract().path("id");
    }
}

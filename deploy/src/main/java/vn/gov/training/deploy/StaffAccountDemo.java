package vn.gov.training.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The demo {@code staff} user is a person: Đặng Thị Mai, civil servant of Phường I (HG.VT.P1), with her record in
 * personnel-service; her Keycloak user gets that record's id as {@code personnel_id} (so her token has the claim
 * and the console shows her own record). The attribute is set through Keycloak's admin API with personnel-service's
 * provisioning service account (its dev secret, or {@code PERSONNEL_PROVISIONING_SECRET}). Idempotent.
 */
final class StaffAccountDemo implements DemoStep {

    static final String USERNAME = "staff";
    static final String NATIONAL_ID = "093190004217"; // Hậu Giang (093), a woman born in the 1900s (1), 1990
    static final String UNIT = "HG.VT.P1";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build(); // plain HTTP: no h2c upgrade (a flaky one was seen in CI)

    @Override
    public String name() {
        return "staff account";
    }

    @Override
    public void load(DemoApi api) {
        String personnelId = person(api);
        link(api, personnelId);
        System.out.printf("Demo data: the staff user is linked to person %s%n", personnelId);
    }

    private String person(DemoApi api) {
        String base = api.url("PERSONNEL_URL") + "/api/personnel";
        JsonNode found = api.require(api.get(base + "?q=" + NATIONAL_ID + "&unit=HG&includeSubunits=true&size=5"),
                "staff person search").body();
        for (JsonNode item : found.path("items")) {
            return item.path("id").asText();
        }
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("nationalId", NATIONAL_ID);
        person.put("fullName", "Đặng Thị Mai");
        person.put("dateOfBirth", "1990-05-12");
        person.put("gender", "FEMALE");
        person.put("ethnicity", "Kinh");
        person.put("category", "CIVIL_SERVANT");
        person.put("orgUnitCode", UNIT);
        person.put("startedServiceOn", "2014-09-01");
        person.put("email", "staff@training.example");
        return api.require(api.post(base, person, "demo-staff-person-" + NATIONAL_ID), "staff person").body()
                .path("id").asText();
    }

    private void link(DemoApi api, String personnelId) {
        String keycloak = api.url("KEYCLOAK_URL");
        String realm = api.url("REALM");
        String token = serviceToken(api, keycloak, realm);
        String users = keycloak + "/admin/realms/" + realm + "/users";
        JsonNode list = send(api, HttpRequest.newBuilder(URI.create(users + "?exact=true&username=" + USERNAME)).GET(), token);
        if (!list.isArray() || list.isEmpty()) {
            throw new IllegalStateException("the realm has no user " + USERNAME);
        }
        ObjectNode user = (ObjectNode) list.get(0);
        ObjectNode attributes = user.has("attributes") ? (ObjectNode) user.get("attributes") : user.putObject("attributes");
        JsonNode current = attributes.path("personnel_id");
        if (current.isArray() && current.size() == 1 && personnelId.equals(current.get(0).asText())) {
            return;
        }
        ArrayNode value = attributes.putArray("personnel_id");
        value.add(personnelId);
        send(api, HttpRequest.newBuilder(URI.create(users + "/" + user.path("id").asText()))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(user.toString())), token);
    }

    private String serviceToken(DemoApi api, String keycloak, String realm) {
        String secret = System.getenv().getOrDefault("PERSONNEL_PROVISIONING_SECRET", "provisioning-dev-secret");
        String form = String.join("&", List.of("grant_type=client_credentials", "client_id=personnel-provisioning",
                "client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8)));
        JsonNode answer = send(api, HttpRequest.newBuilder(URI.create(keycloak + "/realms/" + realm
                + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), null);
        return answer.path("access_token").asText();
    }

    private JsonNode send(DemoApi api, HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("Keycloak refused " + request.build().uri().getPath() + ": "
                        + response.statusCode());
            }
            String body = response.body();
            return body == null || body.isBlank() ? api.json().nullNode() : api.json().readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach Keycloak: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

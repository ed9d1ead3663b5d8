package vn.gov.training.personnel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.gov.training.personnel.service.KeycloakAccounts;
import vn.gov.training.platform.testing.Infrastructure;
import vn.gov.training.platform.testing.MailBox;
import vn.gov.training.platform.testing.Poll;
import vn.gov.training.platform.testing.RealInfrastructure;
import vn.gov.training.platform.testing.Tokens;

/** Accounts against the real Keycloak: created, linked, moved with the person, disabled when they leave. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class AccountLifecycleTest {

    @Inject
    KeycloakAccounts keycloak;

    @Inject
    org.keycloak.admin.client.Keycloak admin;

    @BeforeEach
    void units() {
        TestData.ensureUnits();
    }

    private static void awaitSynced(String id) {
        Poll.until(Duration.ofSeconds(30), () -> given().header("Authorization", Tokens.bearer("admin"))
                .get("/api/personnel/" + id + "/account").then().statusCode(200).extract().jsonPath()
                .getString("state"), "SYNCED"::equals);
    }

    private static String attribute(UserRepresentation user, String name) {
        List<String> values = user.getAttributes() == null ? null : user.getAttributes().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Test
    void anAccountFollowsThePersonFromCreationToLeaving() {
        String username = "t-" + TestData.suffix().toLowerCase();
        Map<String, Object> body = TestData.person("Nguyễn Văn Tài Khoản", "MALE", "HG.VT");
        body.put("email", username + "@haugiang.gov.vn");
        String id = TestData.register(body);

        given().header("Authorization", Tokens.bearer("unit-officer")).contentType(ContentType.JSON)
                .body(Map.of("username", username, "roles", List.of("leader")))
                .post("/api/personnel/" + id + "/account").then().statusCode(403)
                .body("code", equalTo("roles-admin-only"));
        given().header("Authorization", Tokens.bearer("unit-officer")).contentType(ContentType.JSON)
                .body(Map.of("username", username)).post("/api/personnel/" + id + "/account")
                .then().statusCode(202).body("username", equalTo(username));
        awaitSynced(id);
        UserRepresentation user = keycloak.user(username);
        assertEquals("HG.VT", attribute(user, "org_unit"));
        assertEquals(id, attribute(user, "personnel_id"));
        assertTrue(user.isEnabled());
        assertTrue(keycloak.realmRoles(username).contains("staff"), keycloak.realmRoles(username).toString());

        // the person signs in and sees their own record in full
        admin.realm("training").users().get(user.getId()).resetPassword(password("Secret-" + username));
        String own = "Bearer " + given().formParams(Map.of("grant_type", "password", "client_id", "training-cli",
                        "username", username, "password", "Secret-" + username))
                .post(Infrastructure.get().keycloakUrl() + "/realms/training/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        given().header("Authorization", own).get("/api/personnel/" + id).then().statusCode(200)
                .body("masked", equalTo(false)).body("nationalId", equalTo(body.get("nationalId")));

        given().header("Authorization", Tokens.bearer("unit-officer")).contentType(ContentType.JSON)
                .body(Map.of("orgUnitCode", "HG.VT.P1", "effectiveOn", "2025-01-01"))
                .post("/api/personnel/" + id + "/transfer").then().statusCode(200);
        awaitSynced(id);
        assertEquals("HG.VT.P1", attribute(keycloak.user(username), "org_unit"));

        given().header("Authorization", Tokens.bearer("unit-officer")).contentType(ContentType.JSON)
                .body(Map.of("reason", "RESIGNED", "leftOn", "2025-10-01"))
                .post("/api/personnel/" + id + "/leave").then().statusCode(200);
        awaitSynced(id);
        assertFalse(keycloak.user(username).isEnabled());
    }

    @Test
    void peopleRegisteredTogetherGetDifferentDefaultUsernames() {
        String first = TestData.register(TestData.person("Lê Văn Mặc Định", "MALE", "HG.VT"));
        String second = TestData.register(TestData.person("Lê Thị Mặc Định", "FEMALE", "HG.VT"));

        String firstUsername = given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(Map.of()).post("/api/personnel/" + first + "/account")
                .then().statusCode(202).extract().path("username");
        String secondUsername = given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(Map.of()).post("/api/personnel/" + second + "/account")
                .then().statusCode(202).extract().path("username");

        assertEquals("nv." + first.substring(first.length() - 8), firstUsername);
        assertEquals("nv." + second.substring(second.length() - 8), secondUsername);
        assertNotEquals(firstUsername, secondUsername);
    }

    @Test
    void aNewAccountIsMailedTheLinkToSetItsPasswordWithWhichThePersonLogsIn() throws Exception {
        String username = "t-" + TestData.suffix().toLowerCase();
        String address = username + "@haugiang.gov.vn";
        Map<String, Object> body = TestData.person("Huỳnh Thị Mật Khẩu", "FEMALE", "HG.VT");
        body.put("email", address);
        String id = TestData.register(body);

        given().header("Authorization", Tokens.bearer("unit-officer")).contentType(ContentType.JSON)
                .body(Map.of("username", username)).post("/api/personnel/" + id + "/account")
                .then().statusCode(202).body("passwordMail.status", equalTo("PENDING"))
                .body("passwordMail.email", equalTo(address));
        awaitSynced(id);
        Map<String, Object> mailState = Poll.until(Duration.ofSeconds(30), () -> given()
                .header("Authorization", Tokens.bearer("unit-officer")).get("/api/personnel/" + id + "/account")
                .then().statusCode(200).extract().jsonPath().getMap("passwordMail"),
                m -> "SENT".equals(m.get("status")));
        assertTrue(((String) mailState.get("message")).startsWith("Đã gửi thư đặt mật khẩu tới " + address + " lúc "),
                mailState.toString());

        // Keycloak's mail, read from the test stack's SMTP server, in Vietnamese, with the link
        MailBox.Mail mail = MailBox.await(address, Duration.ofSeconds(60),
                m -> m.subject().equals("Đặt mật khẩu cho tài khoản đăng nhập"));
        assertTrue(mail.text().contains("Việc cần làm: Đặt mật khẩu."), mail.text());
        assertTrue(mail.text().contains("Liên kết có hiệu lực trong 72 giờ."), mail.text());
        String link = mail.link("/login-actions/action-token");

        // the person follows the link in a browser-like client, sets a password and logs in with it
        String password = "Mat-Khau@" + TestData.suffix();
        assertTrue(SetPassword.follow(link, password).contains("Đã đặt mật khẩu cho tài khoản."));
        given().formParams(Map.of("grant_type", "password", "client_id", "training-cli", "username", username,
                        "password", password))
                .post(Infrastructure.get().keycloakUrl() + "/realms/training/protocol/openid-connect/token")
                .then().statusCode(200);
        assertEquals(1, MailBox.of(address).size(), "one mail");

        // asked again (e.g. a role added): the user has a password now, so no second mail
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(Map.of("username", username, "roles", List.of("leader")))
                .post("/api/personnel/" + id + "/account").then().statusCode(202);
        Map<String, Object> again = Poll.until(Duration.ofSeconds(30), () -> given()
                .header("Authorization", Tokens.bearer("admin")).get("/api/personnel/" + id + "/account")
                .then().statusCode(200).extract().jsonPath().getMap("passwordMail"),
                m -> "NOT_NEEDED".equals(m.get("status")));
        assertEquals("Tài khoản đã có mật khẩu: không cần gửi thư đặt mật khẩu.", again.get("message"));
        assertEquals(1, MailBox.of(address).size(), "still one mail");
    }

    @Test
    void aRecordWithoutAnAddressGetsItsAccountAndIsToldNoMailWasSent() {
        String username = "t-" + TestData.suffix().toLowerCase();
        String id = TestData.register(TestData.person("Đỗ Văn Không Thư", "MALE", "HG.VT"));
        given().header("Authorization", Tokens.bearer("unit-officer")).contentType(ContentType.JSON)
                .body(Map.of("username", username)).post("/api/personnel/" + id + "/account")
                .then().statusCode(202).body("passwordMail.status", equalTo("NO_EMAIL"))
                .body("passwordMail.message", equalTo("Hồ sơ chưa có địa chỉ thư điện tử nên chưa gửi được thư đặt"
                        + " mật khẩu: hãy bổ sung thư điện tử rồi tạo lại tài khoản."));
        awaitSynced(id);
    }

    @Test
    void anExistingUserIsLinkedAndAdminsMayGrantOtherRoles() {
        String username = "t-" + TestData.suffix().toLowerCase();
        String first = TestData.register(TestData.person("Trần Thị Liên Kết", "FEMALE", "HG.CT"));
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(Map.of("username", username)).post("/api/personnel/" + first + "/account")
                .then().statusCode(202);
        awaitSynced(first);
        String keycloakId = keycloak.user(username).getId();

        // a second record asking for the same username is refused; the first one's own re-request links again
        String second = TestData.register(TestData.person("Trần Văn Hai", "MALE", "HG.CT"));
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(Map.of("username", username)).post("/api/personnel/" + second + "/account")
                .then().statusCode(409).body("existingId", equalTo(first));
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(Map.of("username", username, "roles", List.of("unit-officer")))
                .post("/api/personnel/" + first + "/account").then().statusCode(202);
        awaitSynced(first);
        UserRepresentation linked = keycloak.user(username);
        assertEquals(keycloakId, linked.getId());
        assertEquals(first, attribute(linked, "personnel_id"));
        assertEquals("HG.CT", attribute(linked, "org_unit"));
        assertTrue(keycloak.realmRoles(username).contains("unit-officer"));
    }

    @Test
    void aUsernameOfAnotherKeycloakUserIsRefusedAndThatUserLeftAlone() {
        String id = TestData.register(TestData.person("Lê Văn Chiếm", "MALE", "HG.VT"));
        UserRepresentation adminBefore = keycloak.user("admin");

        // the demo administrator's login: a unit officer must not take it over
        given().header("Authorization", Tokens.bearer("unit-officer")).contentType(ContentType.JSON)
                .body(Map.of("username", "admin")).post("/api/personnel/" + id + "/account")
                .then().statusCode(409).body("code", equalTo("account-username-taken"))
                .body("existingId", nullValue());
        // a user made by hand, linked to another person
        String handMade = "t-" + TestData.suffix().toLowerCase();
        createUser(handMade, Map.of("personnel_id", List.of(UUID.randomUUID().toString())));
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(Map.of("username", handMade)).post("/api/personnel/" + id + "/account")
                .then().statusCode(409).body("code", equalTo("account-username-taken"));

        given().header("Authorization", Tokens.bearer("admin")).get("/api/personnel/" + id + "/account")
                .then().statusCode(404).body("code", equalTo("account-not-found"));
        UserRepresentation adminAfter = keycloak.user("admin");
        assertEquals(attribute(adminBefore, "org_unit"), attribute(adminAfter, "org_unit"));
        assertNull(attribute(adminAfter, "personnel_id"));
        assertTrue(adminAfter.isEnabled());
        assertNotEquals(id, attribute(keycloak.user(handMade), "personnel_id"));
    }

    @Test
    void aUserLinkedToThePersonIsAdoptedAndAUsernameChangeDisablesTheOldUser() {
        String id = TestData.register(TestData.person("Phạm Thị Đổi Tên", "FEMALE", "HG.VT"));
        // our earlier attempt created the user but its answer was lost: the retry adopts it
        String first = "t-" + TestData.suffix().toLowerCase();
        String keycloakId = createUser(first, Map.of("personnel_id", List.of(id)));
        given().header("Authorization", Tokens.bearer("unit-officer")).contentType(ContentType.JSON)
                .body(Map.of("username", first)).post("/api/personnel/" + id + "/account").then().statusCode(202);
        awaitSynced(id);
        assertEquals(keycloakId, keycloak.user(first).getId());
        assertEquals("HG.VT", attribute(keycloak.user(first), "org_unit"));

        String second = "t-" + TestData.suffix().toLowerCase();
        given().header("Authorization", Tokens.bearer("unit-officer")).contentType(ContentType.JSON)
                .body(Map.of("username", second)).post("/api/personnel/" + id + "/account")
                .then().statusCode(202).body("username", equalTo(second));
        awaitSynced(id);
        assertFalse(keycloak.user(first).isEnabled(), "the old login no longer works");
        UserRepresentation now = keycloak.user(second);
        assertTrue(now.isEnabled());
        assertEquals(id, attribute(now, "personnel_id"));
    }

    @Test
    void whenOnlyTheWorkerFindsTheUsernameTakenTheTaskFailsForGoodAndThatUserIsLeftAlone() {
        String username = "t-" + TestData.suffix().toLowerCase();
        String id = TestData.register(TestData.person("Võ Văn Nhầm", "MALE", "HG.VT"));
        given().header("Authorization", Tokens.bearer("unit-officer")).contentType(ContentType.JSON)
                .body(Map.of("username", username)).post("/api/personnel/" + id + "/account").then().statusCode(202);
        awaitSynced(id);
        // meanwhile, in Keycloak, the user is re-linked to someone else
        String other = UUID.randomUUID().toString();
        UserResource user = admin.realm("training").users().get(keycloak.user(username).getId());
        UserRepresentation changed = user.toRepresentation();
        changed.getAttributes().put("personnel_id", List.of(other));
        user.update(changed);

        given().header("Authorization", Tokens.bearer("unit-officer")).contentType(ContentType.JSON)
                .body(Map.of("orgUnitCode", "HG.VT.P1", "effectiveOn", "2025-02-01"))
                .post("/api/personnel/" + id + "/transfer").then().statusCode(200);
        Map<String, Object> state = Poll.until(Duration.ofSeconds(30), () -> given()
                .header("Authorization", Tokens.bearer("unit-officer")).get("/api/personnel/" + id + "/account")
                .then().statusCode(200).extract().jsonPath().getMap(""), s -> "FAILED".equals(s.get("state")));
        assertEquals("account-username-taken", state.get("lastError"));
        assertEquals(0, state.get("pendingTasks"));
        UserRepresentation untouched = keycloak.user(username);
        assertEquals("HG.VT", attribute(untouched, "org_unit"));
        assertEquals(other, attribute(untouched, "personnel_id"));
    }

    private String createUser(String username, Map<String, List<String>> attributes) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        user.setFirstName("Thử");
        user.setLastName("Nghiệm");
        user.setEmail(username + "@example.vn");
        user.setAttributes(new java.util.HashMap<>(attributes));
        try (Response response = admin.realm("training").users().create(user)) {
            assertEquals(201, response.getStatus());
        }
        return keycloak.user(username).getId();
    }

    private static CredentialRepresentation password(String value) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(value);
        credential.setTemporary(false);
        return credential;
    }
}

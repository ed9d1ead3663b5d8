package vn.gov.training.personnel;

import java.io.IOException;
import java.net.CookieHandler;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows Keycloak's set-password link as a browser would (cookies, redirects): opens it, goes on through the page
 * that asks to confirm the action, and submits the new password twice on Keycloak's update-password form.
 */
final class SetPassword {

    private static final Pattern FORM = Pattern.compile("<form[^>]*action=\"([^\"]+)\"[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINK = Pattern.compile("href=\"([^\"]*login-actions[^\"]*)\"");

    private SetPassword() {
    }

    /** @return the page Keycloak answers the new password with */
    static String follow(String link, String password) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new Jar())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
        URI at = URI.create(link);
        String page = get(browser, at);
        for (int step = 0; step < 4; step++) {
            if (page.contains("name=\"password-new\"")) {
                Matcher form = FORM.matcher(page.substring(0, page.indexOf("name=\"password-new\"")));
                String action = null;
                while (form.find()) {
                    action = form.group(1);
                }
                if (action == null) {
                    throw new AssertionError("no form around the password field:\n" + page);
                }
                String body = "password-new=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                        + "&password-confirm=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
                HttpResponse<String> done = browser.send(HttpRequest.newBuilder(at.resolve(unescape(action)))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (done.statusCode() >= 400 || done.body().contains("name=\"password-new\"")) {
                    throw new AssertionError("the password was not taken (HTTP " + done.statusCode() + "):\n"
                            + done.body());
                }
                return done.body();
            }
            Matcher next = LINK.matcher(page);
            if (!next.find()) {
                throw new AssertionError("neither a password form nor a link to go on:\n" + page);
            }
            at = at.resolve(unescape(next.group(1)));
            page = get(browser, at);
        }
        throw new AssertionError("no password form after 4 pages");
    }

    private static String get(HttpClient browser, URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw new AssertionError("HTTP " + response.statusCode() + " at " + uri + ":\n" + response.body());
        }
        return response.body();
    }

    /**
     * Keycloak marks its session cookies {@code Secure}; a browser keeps them on http://127.0.0.1 (a secure context),
     * the JDK's {@code CookieManager} does not send them over http. This jar keeps every cookie of the one host.
     */
    private static final class Jar extends CookieHandler {
        private final Map<String, String> cookies = new LinkedHashMap<>();

        @Override
        public synchronized Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) {
            if (cookies.isEmpty()) {
                return Map.of();
            }
            StringBuilder header = new StringBuilder();
            cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=')
                    .append(value));
            return Map.of("Cookie", List.of(header.toString()));
        }

        @Override
        public synchronized void put(URI uri, Map<String, List<String>> headers) {
            headers.forEach((name, values) -> {
                if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
                    for (String value : values) {
                        String pair = value.split(";", 2)[0];
                        int eq = pair.indexOf('=');
                        if (eq > 0) {
                            cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                        }
                    }
                }
            });
        }
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&#x3D;", "=").replace("&#61;", "=");
    }
}

package vn.gov.training.platform.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the test stack's mail server (GreenMail, {@code deploy/stack} component {@code mail}) received for an address,
 * read through its REST API ({@code GET /api/user/<address>/messages/INBOX}), with the text and HTML parts of each
 * message decoded (quoted-printable or base64, their charset).
 */
public final class MailBox {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One received message: its decoded subject, plain text and HTML (either may be empty). */
    public record Mail(String subject, String from, String text, String html) {

        /** The first {@code href} of the HTML part (or the first http(s) address of the text) containing {@code part}. */
        public String link(String part) {
            Matcher href = Pattern.compile("href=\"([^\"]+)\"").matcher(html);
            while (href.find()) {
                String url = href.group(1).replace("&amp;", "&");
                if (url.contains(part)) {
                    return url;
                }
            }
            Matcher plain = Pattern.compile("https?://\\S+").matcher(text);
            while (plain.find()) {
                if (plain.group().contains(part)) {
                    return plain.group();
                }
            }
            throw new AssertionError("no link containing " + part + " in the mail '" + subject + "'");
        }
    }

    private MailBox() {
    }

    /** Every message the mail server holds for the address, oldest first (none when it never received any). */
    public static List<Mail> of(String address) {
        String url = Infrastructure.get().mailUrl() + "/api/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8)
                + "/messages/INBOX";
        HttpResponse<String> response;
        try {
            response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("the mail server does not answer at " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (response.statusCode() == 400 || response.statusCode() == 404) {
            return List.of(); // GreenMail knows the address only once mail for it arrived
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("mail server answered HTTP " + response.statusCode() + " at " + url);
        }
        List<Mail> mails = new ArrayList<>();
        try {
            for (JsonNode message : JSON.readTree(response.body())) {
                mails.add(parse(message.path("subject").asText(""), message.path("mimeMessage").asText("")));
            }
        } catch (IOException e) {
            throw new IllegalStateException("unreadable answer of the mail server", e);
        }
        return mails;
    }

    /** Waits (polling, at most {@code timeout}) until the address holds a message matching {@code wanted}. */
    public static Mail await(String address, Duration timeout, Predicate<Mail> wanted) {
        return Poll.until(timeout, () -> of(address).stream().filter(wanted).findFirst().orElse(null),
                m -> m != null);
    }

    /** Stops the test stack's mail server (what it held is forgotten): for tests of a failing SMTP server. */
    public static void stopServer() {
        LocalStack.stack("down", "mail");
    }

    public static void startServer() {
        LocalStack.stack("up", "mail");
    }

    static Mail parse(String subject, String raw) {
        Part root = Part.of(raw);
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        root.collect(text, html);
        return new Mail(subject, root.header("from"), text.toString(), html.toString());
    }

    /** A MIME entity: its headers (unfolded) and body; multipart bodies are split into their parts. */
    private record Part(String headers, String body) {

        static Part of(String raw) {
            String normalised = raw.replace("\r\n", "\n");
            int end = normalised.indexOf("\n\n");
            return end < 0 ? new Part(normalised, "") : new Part(normalised.substring(0, end + 1),
                    normalised.substring(end + 2));
        }

        String header(String name) {
            String unfolded = headers.replaceAll("\n[ \t]+", " ");
            for (String line : unfolded.split("\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return "";
        }

        String parameter(String header, String name) {
            Matcher m = Pattern.compile("(?i)" + name + "=\"?([^\";]+)\"?").matcher(header);
            return m.find() ? m.group(1).strip() : null;
        }

        void collect(StringBuilder text, StringBuilder html) {
            String type = header("content-type").toLowerCase(Locale.ROOT);
            if (type.startsWith("multipart/")) {
                String boundary = parameter(header("content-type"), "boundary");
                for (String piece : body.split("(?m)^--" + Pattern.quote(boundary) + "(--)?[ \t]*$")) {
                    String trimmed = piece.startsWith("\n") ? piece.substring(1) : piece;
                    if (!trimmed.isBlank()) {
                        Part.of(trimmed).collect(text, html);
                    }
                }
            } else if (type.isEmpty() || type.startsWith("text/plain")) {
                text.append(decoded());
            } else if (type.startsWith("text/html")) {
                html.append(decoded());
            }
        }

        String decoded() {
            String charsetName = parameter(header("content-type"), "charset");
            Charset charset = charsetName == null ? StandardCharsets.US_ASCII : Charset.forName(charsetName);
            String encoding = header("content-transfer-encoding").toLowerCase(Locale.ROOT);
            byte[] bytes = switch (encoding) {
                case "base64" -> Base64.getMimeDecoder().decode(body.strip());
                case "quoted-printable" -> quotedPrintable(body);
                default -> body.getBytes(StandardCharsets.ISO_8859_1);
            };
            return new String(bytes, charset);
        }

        static byte[] quotedPrintable(String body) {
            String joined = body.replaceAll("=[ \t]*\n", "");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < joined.length(); i++) {
                char c = joined.charAt(i);
                if (c == '=' && i + 2 < joined.length() && isHex(joined.charAt(i + 1)) && isHex(joined.charAt(i + 2))) {
                    out.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    out.write((byte) c);
                }
            }
            return out.toByteArray();
        }

        static boolean isHex(char c) {
            return Character.digit(c, 16) >= 0;
        }
    }
}

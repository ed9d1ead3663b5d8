package vn.gov.training.platform.problem;

import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Messages shown to people, in the caller's language: Vietnamese unless the request prefers English. A service
 * keeps its own texts in {@code messages[_en].properties}; {@code platform-messages[_en].properties} holds the
 * shared ones. Vietnamese is the default bundle, so a missing translation still reads Vietnamese.
 */
@ApplicationScoped
public class Messages {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final List<String> BUNDLES = List.of("messages", "platform-messages");

    private final CurrentVertxRequest request;

    Messages(CurrentVertxRequest request) {
        this.request = request;
    }

    /** English when the request's Accept-Language ranks English above Vietnamese; otherwise Vietnamese. */
    public Locale locale() {
        RoutingContext current = request.getCurrent();
        String accept = current == null ? null : current.request().getHeader("Accept-Language");
        if (accept == null || accept.isBlank()) {
            return VIETNAMESE;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(accept)) {
                String language = range.getRange().split("-")[0];
                if (language.equals("en")) {
                    return Locale.ENGLISH;
                }
                if (language.equals("vi")) {
                    return VIETNAMESE;
                }
            }
        } catch (IllegalArgumentException malformedHeader) {
            return VIETNAMESE;
        }
        return VIETNAMESE;
    }

    /** The text for {@code key} with {@code args}, or null when no bundle has it. */
    public String find(String key, Object... args) {
        Locale locale = locale();
        for (String name : BUNDLES) {
            try {
                ResourceBundle bundle = ResourceBundle.getBundle(name, locale, Messages.class.getClassLoader(),
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
                if (bundle.containsKey(key)) {
                    return new MessageFormat(bundle.getString(key), locale).format(displayed(args));
                }
            } catch (MissingResourceException e) {
                // this service has no such bundle: try the next
            }
        }
        return null;
    }

    /** Dates as dd/MM/yyyy; other values as their plain text (no grouping of years or ids). */
    private static Object[] displayed(Object[] args) {
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            shown[i] = args[i] instanceof TemporalAccessor date && date.isSupported(ChronoField.DAY_OF_MONTH)
                    ? DATE.format(date) : String.valueOf(args[i]);
        }
        return shown;
    }

    public String get(String key, Object... args) {
        String text = find(key, args);
        return text == null ? key : text;
    }

    /** A field error whose message is {@code field.<code>} from the bundles. */
    public FieldError fieldError(String field, String code, Object... args) {
        return new FieldError(field, code, get("field." + code, args));
    }
}

package vn.gov.training.platform.calendar;

import jakarta.ws.rs.core.Response;

/** The answer of a public calendar feed: iCalendar text that calendar apps may cache for five minutes. */
public final class CalendarFeeds {

    public static final String MEDIA_TYPE = "text/calendar; charset=utf-8";

    private CalendarFeeds() {
    }

    public static Response ok(String ics) {
        return Response.ok(ics, MEDIA_TYPE).header("Cache-Control", "private, max-age=300").build();
    }
}

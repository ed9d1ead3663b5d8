package vn.gov.training.enrolment.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import vn.gov.training.enrolment.domain.CalendarSubscription;

/**
 * A person's calendar subscription. {@code url} (the feed path, relative to the gateway) is given only in the answer
 * that creates it: the secret is not stored and cannot be shown again.
 */
public record CalendarSubscriptionView(UUID id, UUID personnelId, String createdBy, OffsetDateTime createdAt,
                                       OffsetDateTime revokedAt, boolean active, String url) {

    static CalendarSubscriptionView of(CalendarSubscription s, String secret) {
        return new CalendarSubscriptionView(s.id, s.personnelId, s.createdBy, s.createdAt, s.revokedAt, s.active(),
                secret == null ? null : PersonCalendarFeedResource.PATH + "/" + secret + ".ics");
    }
}

package vn.gov.training.enrolment.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import vn.gov.training.platform.calendar.FeedSubscription;

/** A secret subscription URL to a person's calendar (their classes; see {@link FeedSubscription}). */
@Entity
@Table(name = "calendar_subscription")
public class CalendarSubscription extends FeedSubscription {

    @Column(name = "personnel_id", nullable = false)
    public UUID personnelId;

    @Override
    protected String subjectName() {
        return "personnelId";
    }

    @Override
    public UUID subject() {
        return personnelId;
    }
}

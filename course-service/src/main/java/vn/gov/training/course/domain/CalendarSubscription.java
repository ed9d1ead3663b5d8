package vn.gov.training.course.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import vn.gov.training.platform.calendar.FeedSubscription;

/** A secret subscription URL to a class's calendar (see {@link FeedSubscription}). */
@Entity
@Table(name = "calendar_subscription")
public class CalendarSubscription extends FeedSubscription {

    @Column(name = "class_id", nullable = false)
    public UUID classId;

    @Override
    protected String subjectName() {
        return "classId";
    }

    @Override
    public UUID subject() {
        return classId;
    }
}

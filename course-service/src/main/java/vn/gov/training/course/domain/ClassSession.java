package vn.gov.training.course.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One session of a class: a day's teaching slot, with its topic and lecturer. Its id is stable across edits. */
@Entity
@Table(name = "class_session")
public class ClassSession extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "class_id")
    public CourseClass courseClass;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public LocalDate date;

    @Column(name = "start_time", nullable = false)
    public LocalTime startTime;

    @Column(name = "end_time", nullable = false)
    public LocalTime endTime;

    @Column(nullable = false)
    public String topic;

    public String lecturer;
}

package vn.gov.training.enrolment.domain;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** Whether a learner was at one session of the class. */
@Entity
@Table(name = "attendance")
@IdClass(Attendance.Key.class)
public class Attendance extends PanacheEntityBase {

    @Id
    @Column(name = "enrolment_id")
    public UUID enrolmentId;

    @Id
    @Column(name = "session_id")
    public String sessionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AttendanceStatus status;

    public static class Key implements Serializable {
        public UUID enrolmentId;
        public String sessionId;

        public Key() {
        }

        public Key(UUID enrolmentId, String sessionId) {
            this.enrolmentId = enrolmentId;
            this.sessionId = sessionId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(enrolmentId, k.enrolmentId)
                    && Objects.equals(sessionId, k.sessionId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(enrolmentId, sessionId);
        }
    }
}

package uk.socialprescribing.caseload.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import uk.socialprescribing.conventions.Coded;

/** A session with the person: scheduled, then recorded once as attended, did not attend or cancelled. */
@Entity
@Table(name = "care_session")
public class Session {

    public enum Kind implements Coded {
        INITIAL_CONVERSATION("initial-conversation"), FOLLOW_UP("follow-up"), REVIEW("review"), FINAL("final");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String toString() {
            return code;
        }
    }

    public enum Mode implements Coded {
        FACE_TO_FACE("face-to-face"), PHONE("phone"), VIDEO("video"), HOME_VISIT("home-visit");

        private final String code;

        Mode(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String toString() {
            return code;
        }
    }

    public enum Outcome implements Coded {
        ATTENDED("attended"), DID_NOT_ATTEND("did-not-attend"), CANCELLED("cancelled");

        private final String code;

        Outcome(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String toString() {
            return code;
        }
    }

    /** Where a session stands: scheduled until recorded, then what happened. Stored by name. */
    public enum Status {
        SCHEDULED, ATTENDED, DID_NOT_ATTEND, CANCELLED;

        static Status of(Outcome outcome) {
            return valueOf(outcome.name());
        }
    }

    @Id
    private UUID id;

    @Column(name = "case_id", nullable = false)
    private UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Mode mode;

    @Column(name = "scheduled_for", nullable = false)
    private Instant scheduledFor;

    @Column(name = "duration_minutes", nullable = false)
    private int durationMinutes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column
    private String notes;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    @Version
    private long version;

    protected Session() {
    }

    /** A session of the case, at a time no earlier than the case's referral. */
    public static Session schedule(Case of, Kind kind, Mode mode, Instant at, int durationMinutes) {
        if (at.isBefore(of.earliestSession())) {
            throw new SessionTimeException("scheduledFor", "NotBeforeReferral",
                    "is before the referral was received (" + of.earliestSession() + "); a session cannot come before its referral");
        }
        return schedule(of.id(), kind, mode, at, durationMinutes);
    }

    private static Session schedule(UUID caseId, Kind kind, Mode mode, Instant at, int durationMinutes) {
        Session session = new Session();
        session.id = UUID.randomUUID();
        session.caseId = caseId;
        session.kind = kind;
        session.mode = mode;
        session.scheduledFor = at;
        session.durationMinutes = durationMinutes;
        session.status = Status.SCHEDULED;
        return session;
    }

    /**
     * What happened; a session is recorded once. Attended and did-not-attend only from its time (less the leeway of a
     * session starting a little early); a cancellation at any time, since people call off in advance and a cancelled
     * session counts neither as contact nor as a miss.
     */
    public void record(Outcome outcome, Integer durationMinutes, String notes, String by, Instant at, Duration leeway) {
        if (!isScheduled()) {
            throw new SessionRecordedException(id, outcome().code());
        }
        if (outcome != Outcome.CANCELLED && at.isBefore(scheduledFor.minus(leeway))) {
            throw new SessionTimeException("outcome", "NotBeforeScheduledTime", "cannot be " + outcome.code()
                    + " before the session's time (" + scheduledFor + "); record it once it has happened, or record it cancelled");
        }
        this.status = Status.of(outcome);
        if (durationMinutes != null) {
            this.durationMinutes = durationMinutes;
        }
        this.notes = notes;
        this.recordedBy = by;
        this.recordedAt = at;
    }

    public boolean isScheduled() {
        return status == Status.SCHEDULED;
    }

    public UUID id() {
        return id;
    }

    public UUID caseId() {
        return caseId;
    }

    public Kind kind() {
        return kind;
    }

    public Mode mode() {
        return mode;
    }

    public Instant scheduledFor() {
        return scheduledFor;
    }

    public int durationMinutes() {
        return durationMinutes;
    }

    public Outcome outcome() {
        return isScheduled() ? null : Outcome.valueOf(status.name());
    }

    public String notes() {
        return notes;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public long version() {
        return version;
    }
}

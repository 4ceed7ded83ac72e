package uk.socialprescribing.caseload.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import uk.socialprescribing.conventions.Coded;

/**
 * The person's connection to a community service from the directory: suggested → referred → attending → completed;
 * declined (before attending) or dropped out (after) with a coded reason. "No space" and "nothing suitable nearby"
 * are unmet need, which the commissioners' report counts.
 */
@Entity
@Table(name = "connection")
public class Connection {

    public enum Status implements Coded {
        SUGGESTED("suggested"), REFERRED("referred"), ATTENDING("attending"), COMPLETED("completed"), DECLINED("declined"),
        DROPPED_OUT("dropped-out");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }

        /** Where a connection may go from here. */
        public Set<Status> next() {
            return switch (this) {
                case SUGGESTED -> EnumSet.of(REFERRED, ATTENDING, DECLINED);
                case REFERRED -> EnumSet.of(ATTENDING, DECLINED);
                case ATTENDING -> EnumSet.of(COMPLETED, DROPPED_OUT);
                case COMPLETED, DECLINED, DROPPED_OUT -> EnumSet.noneOf(Status.class);
            };
        }

        /** Declines and drop-outs say why. */
        public boolean needsReason() {
            return this == DECLINED || this == DROPPED_OUT;
        }

        /** The states a connection may start in. */
        public boolean canStart() {
            return this == SUGGESTED || this == REFERRED || this == ATTENDING || this == DECLINED;
        }

        @Override
        public String toString() {
            return code;
        }
    }

    public enum Reason implements Coded {
        NO_SPACE("no-space"), NOTHING_SUITABLE_NEARBY("nothing-suitable-nearby"), PERSON_DECLINED("person-declined"),
        NOT_ELIGIBLE("not-eligible"), COST("cost"), TRAVEL_OR_ACCESS("travel-or-access"), TIMING("timing"),
        SERVICE_WITHDRAWN("service-withdrawn"), OTHER("other");

        private final String code;

        Reason(String code) {
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

    /** A move the state machine does not allow. */
    public static class IllegalMoveException extends RuntimeException {
        private final Status current;

        public IllegalMoveException(Status current, Status wanted) {
            super("A connection that is " + current + " cannot become " + wanted
                    + (current.next().isEmpty() ? "; it has ended" : "; it can become " + current.next()));
            this.current = current;
        }

        public Status current() {
            return current;
        }
    }

    @Id
    private UUID id;

    @Column(name = "case_id", nullable = false)
    private UUID caseId;

    @Column(name = "service_id", nullable = false)
    private UUID serviceId;

    @Column(name = "service_name", nullable = false)
    private String serviceName;

    @Column(nullable = false)
    private String category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column
    private String reason;

    @Column(length = 1000)
    private String note;

    @Column(name = "made_by", nullable = false)
    private String madeBy;

    @Column(name = "made_at", nullable = false)
    private Instant madeAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** The provider was given the person's name and contact details (only while the person's consent held). */
    @Column(name = "contact_shared", nullable = false)
    private boolean contactShared;

    @Version
    private long version;

    protected Connection() {
    }

    /** A new connection; a decline from the start (e.g. the service had no space) carries its reason. */
    public static Connection make(UUID caseId, ListedService service, String category, Status status, Reason reason, String note,
            String by, Instant at) {
        if (!status.canStart()) {
            throw new IllegalArgumentException(status + " is not a starting state");
        }
        Connection c = new Connection();
        c.id = UUID.randomUUID();
        c.caseId = caseId;
        c.serviceId = service.id();
        c.serviceName = service.name();
        c.category = category;
        c.status = status;
        c.reason = reason == null ? null : reason.name();
        c.note = note;
        c.madeBy = by;
        c.madeAt = at;
        c.updatedAt = at;
        return c;
    }

    /** The connection moves on; the state machine is checked here, the reason's presence by the caller's validation. */
    public void moveTo(Status wanted, Reason why, String newNote, Instant at) {
        Status current = status();
        if (!current.next().contains(wanted)) {
            throw new IllegalMoveException(current, wanted);
        }
        status = wanted;
        reason = why == null ? null : why.name();
        if (newNote != null) {
            note = newNote;
        }
        updatedAt = at;
    }

    /** The provider is given the person's contact details with this referral (the caller has checked the consent). */
    public void shareContact() {
        contactShared = true;
    }

    public boolean contactShared() {
        return contactShared;
    }

    public UUID id() {
        return id;
    }

    public UUID caseId() {
        return caseId;
    }

    public UUID serviceId() {
        return serviceId;
    }

    public String serviceName() {
        return serviceName;
    }

    public String category() {
        return category;
    }

    public Status status() {
        return status;
    }

    public Reason reason() {
        return reason == null ? null : Reason.valueOf(reason);
    }

    public String note() {
        return note;
    }

    public String madeBy() {
        return madeBy;
    }

    public Instant madeAt() {
        return madeAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}

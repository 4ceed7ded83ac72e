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

/**
 * A link worker's support of one person, opened from one accepted referral. Over 300 lines: its allocation, sessions
 * counters, flags and closure are one aggregate's state, and a third of the file is accessors.
 */
@Entity
@Table(name = "care_case")
public class Case {

    @Id
    private UUID id;

    @Column(name = "referral_id", nullable = false, unique = true)
    private UUID referralId;

    @Column(name = "practice_ods_code")
    private String practiceOdsCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseStatus status;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "referral_received_at")
    private Instant referralReceivedAt;

    @Column(name = "pcn_code")
    private String pcnCode;

    @Column(nullable = false)
    private String urgency;

    @Column
    private String language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Allocation allocation;

    @Column(name = "link_worker_id")
    private UUID linkWorkerId;

    @Column(name = "assigned_at")
    private Instant assignedAt;

    @Column(name = "waitlisted_at")
    private Instant waitlistedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closure_reason")
    private ClosureReason closureReason;

    @Column(name = "first_contact_at")
    private Instant firstContactAt;

    @Column(name = "first_contact_due_by", nullable = false)
    private Instant firstContactDueBy;

    @Column(name = "missed_in_a_row", nullable = false)
    private int missedInARow;

    @Column(name = "sessions_attended", nullable = false)
    private int sessionsAttended;

    @Column(name = "plan_version", nullable = false)
    private int planVersion;

    @Column(name = "planned_sessions")
    private Integer plannedSessions;

    @Column(name = "last_contact_at")
    private Instant lastContactAt;

    @Column(name = "closing_summary")
    private String closingSummary;

    @Column(name = "next_steps")
    private String nextSteps;

    @Version
    private long version;

    protected Case() {
    }

    /** A case for an accepted referral: open, and waiting for a link worker until it is allocated. */
    public static Case openFor(UUID referralId, Instant referralReceivedAt, String practiceOdsCode, String pcnCode, String urgency,
            String language, Instant at, Duration firstContactTarget) {
        Case opened = new Case();
        opened.referralReceivedAt = referralReceivedAt;
        opened.id = UUID.randomUUID();
        opened.referralId = referralId;
        opened.practiceOdsCode = practiceOdsCode;
        opened.pcnCode = pcnCode;
        opened.urgency = urgency == null ? "routine" : urgency;
        opened.language = language;
        opened.status = CaseStatus.OPEN;
        opened.allocation = Allocation.WAITING;
        opened.openedAt = at;
        opened.firstContactDueBy = at.plus(firstContactTarget);
        return opened;
    }

    /** The case goes to this link worker. */
    public void assignTo(UUID linkWorker, Instant at) {
        requireOpen();
        allocation = Allocation.ASSIGNED;
        linkWorkerId = linkWorker;
        assignedAt = at;
    }

    /** No link worker of the PCN has room: the case waits, in order of urgency and then age. */
    public void waitForCapacity(Instant at) {
        allocation = Allocation.WAITING;
        linkWorkerId = null;
        waitlistedAt = at;
    }

    /** The case ends: the person's support is over, or the referral was withdrawn while the case waited. */
    public void close(ClosureReason reason, Instant at) {
        requireOpen();
        status = CaseStatus.CLOSED;
        closureReason = reason;
        closedAt = at;
    }

    /**
     * A session was recorded: an attended one counts (the first is first contact) and ends a run of misses; a missed
     * one extends the run (two in a row flag the case); a cancelled one changes neither.
     */
    public void sessionRecorded(Session.Outcome outcome, Instant sessionTime) {
        requireOpen();
        switch (outcome) {
            case ATTENDED -> {
                sessionsAttended++;
                missedInARow = 0;
                if (firstContactAt == null || sessionTime.isBefore(firstContactAt)) {
                    firstContactAt = sessionTime;
                }
                if (lastContactAt == null || sessionTime.isAfter(lastContactAt)) {
                    lastContactAt = sessionTime;
                }
            }
            case DID_NOT_ATTEND -> missedInARow++;
            case CANCELLED -> {
            }
        }
    }

    /** What the link worker writes for the referrer as the case closes: how it went, and what happens next. */
    public void closingWords(String summary, String nextSteps) {
        requireOpen();
        this.closingSummary = summary;
        this.nextSteps = nextSteps;
    }

    public String closingSummary() {
        return closingSummary;
    }

    public String nextSteps() {
        return nextSteps;
    }

    /** The plan was revised: the case keeps its current version and the sessions it plans for. */
    public void planRevised(int newVersion, int sessionsPlanned) {
        requireOpen();
        planVersion = newVersion;
        plannedSessions = sessionsPlanned;
    }

    /**
     * The person has been seen, nothing is booked, and the last contact is longer ago than the follow-up interval.
     */
    public boolean followUpOverdue(Instant now, Duration interval, boolean sessionBooked) {
        return status == CaseStatus.OPEN && !sessionBooked && lastContactAt != null && lastContactAt.plus(interval).isBefore(now);
    }

    public boolean missedTwoInARow() {
        return missedInARow >= 2;
    }

    /** No first contact yet and past its target date, or first contact made late. */
    public boolean firstContactLate(Instant now) {
        return firstContactAt == null ? now.isAfter(firstContactDueBy) : firstContactAt.isAfter(firstContactDueBy);
    }

    /**
     * The earliest a session of this case can be: the referral's arrival, or, where the acceptance did not say when
     * that was, the case's opening. A session before it would make a wait to first contact negative.
     */
    public Instant earliestSession() {
        return referralReceivedAt != null ? referralReceivedAt : openedAt;
    }

    public void requireOpenForWork() {
        requireOpen();
    }

    private void requireOpen() {
        if (status != CaseStatus.OPEN) {
            throw new CaseNotOpenException(id, status);
        }
    }

    public boolean isUrgent() {
        return "urgent".equals(urgency);
    }

    public UUID id() {
        return id;
    }

    public UUID referralId() {
        return referralId;
    }

    public String practiceOdsCode() {
        return practiceOdsCode;
    }

    public CaseStatus status() {
        return status;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant referralReceivedAt() {
        return referralReceivedAt;
    }

    public String pcnCode() {
        return pcnCode;
    }

    public String urgency() {
        return urgency;
    }

    public String language() {
        return language;
    }

    public Allocation allocation() {
        return allocation;
    }

    public UUID linkWorkerId() {
        return linkWorkerId;
    }

    public Instant assignedAt() {
        return assignedAt;
    }

    public Instant waitlistedAt() {
        return waitlistedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public ClosureReason closureReason() {
        return closureReason;
    }

    public long version() {
        return version;
    }

    public Instant firstContactAt() {
        return firstContactAt;
    }

    public Instant firstContactDueBy() {
        return firstContactDueBy;
    }

    public int planVersion() {
        return planVersion;
    }

    public Integer plannedSessions() {
        return plannedSessions;
    }

    public Instant lastContactAt() {
        return lastContactAt;
    }

    public int sessionsAttended() {
        return sessionsAttended;
    }
}

package uk.socialprescribing.caseload.event;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import uk.socialprescribing.caseload.domain.Case;
import uk.socialprescribing.caseload.domain.Connection;
import uk.socialprescribing.caseload.domain.LinkWorker;
import uk.socialprescribing.caseload.domain.Session;
import uk.socialprescribing.events.caseload.CaseAssigned;
import uk.socialprescribing.events.caseload.CaseClosed;
import uk.socialprescribing.events.caseload.CaseOpened;
import uk.socialprescribing.events.caseload.CaseWaitlisted;
import uk.socialprescribing.events.caseload.ConnectionMade;
import uk.socialprescribing.events.caseload.ConnectionUpdated;
import uk.socialprescribing.events.caseload.SessionCompleted;
import uk.socialprescribing.events.caseload.SessionMissed;
import uk.socialprescribing.messaging.outbox.Outbox;

/**
 * What other services hear of a case: each change as its event (ids, codes and counts; the closing words for the
 * referrer), recorded in the outbox in the transaction of the change. The one place that maps a case to its events.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CaseEvents {

    private final Outbox outbox;

    public CaseEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void opened(Case c) {
        outbox.record(new CaseOpened(c.id(), c.referralId(), c.practiceOdsCode(), c.openedAt()));
    }

    public void assigned(Case c, LinkWorker worker, Instant at) {
        outbox.record(new CaseAssigned(c.id(), worker.id(), worker.username(), c.pcnCode(), at, worker.displayName()));
    }

    /** On its network's waiting list, with the forecast of the wait (null when there is no forecast). */
    public void waitlisted(Case c, Instant at, Long forecastWaitDays) {
        outbox.record(new CaseWaitlisted(c.id(), at, c.pcnCode(), forecastWaitDays));
    }

    /** Closed, with the activities the person was connected to (connections past a suggestion and a decline). */
    public void closed(Case c, List<Connection> connected, Instant at) {
        List<CaseClosed.ActivityConnected> activities = connected.stream()
                .map(n -> new CaseClosed.ActivityConnected(n.serviceId(), n.serviceName(), n.status().code())).toList();
        outbox.record(new CaseClosed(c.id(), c.referralId(), c.closureReason().code(), c.sessionsAttended(), activities, at,
                c.closingSummary(), c.nextSteps()));
    }

    public void connectionMade(Case c, Connection made, Instant at) {
        outbox.record(new ConnectionMade(c.id(), made.id(), made.serviceId(), c.pcnCode(), made.category(), made.status().code(),
                made.reason() == null ? null : made.reason().code(), at));
    }

    public void connectionUpdated(Case c, Connection connection, Instant at) {
        outbox.record(new ConnectionUpdated(c.id(), connection.id(), connection.serviceId(), c.pcnCode(), connection.category(),
                connection.status().code(), connection.reason() == null ? null : connection.reason().code(), at));
    }

    /** An attended session is contact; a missed one is counted; a cancelled one is neither, and not announced. */
    public void sessionRecorded(Case c, Session session) {
        switch (session.outcome()) {
            case ATTENDED -> outbox.record(new SessionCompleted(c.id(), session.id(), c.sessionsAttended(), modeOf(session.mode()),
                    session.scheduledFor()));
            case DID_NOT_ATTEND -> outbox.record(new SessionMissed(c.id(), session.id(), session.scheduledFor()));
            case CANCELLED -> {
            }
        }
    }

    /** The event's words for how a session was held. */
    static String modeOf(Session.Mode mode) {
        return switch (mode) {
            case FACE_TO_FACE, HOME_VISIT -> "in-person";
            case PHONE -> "telephone";
            case VIDEO -> "video";
        };
    }
}

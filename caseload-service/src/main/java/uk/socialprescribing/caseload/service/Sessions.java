package uk.socialprescribing.caseload.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import uk.socialprescribing.audit.PersonalDataReads;
import uk.socialprescribing.caseload.config.CaseloadConfig;
import uk.socialprescribing.caseload.domain.Case;
import uk.socialprescribing.caseload.domain.Session;
import uk.socialprescribing.caseload.event.CaseEvents;
import uk.socialprescribing.caseload.repository.SessionRepository;

/**
 * Sessions of a case: scheduled, then recorded. Only the case's link worker or a lead of its PCN schedules, records
 * and reads notes. An attended session is announced as session.completed (numbered from 1), a missed one as
 * session.missed; the case keeps first contact and the run of misses.
 */
@ApplicationScoped
public class Sessions {

    /** A session and whether the reader may see its notes. */
    public record Seen(Session session, boolean notesVisible) {
    }

    /** A session that is not one of this case's. */
    public static class SessionNotFoundException extends RuntimeException {
        public SessionNotFoundException(UUID id) {
            super("No session " + id + " in this case");
        }
    }

    private final SessionRepository sessions;
    private final CaseQueries cases;
    private final CaseEvents events;
    private final Clock clock;
    private final PersonalDataReads reads;
    private final Duration recordLeeway;

    public Sessions(SessionRepository sessions, CaseQueries cases, CaseEvents events, Clock clock, PersonalDataReads reads,
            CaseloadConfig config) {
        this.reads = reads;
        this.recordLeeway = config.sessionRecordLeeway();
        this.sessions = sessions;
        this.cases = cases;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Session schedule(UUID caseId, CaseViewer viewer, Session.Kind kind, Session.Mode mode, Instant at, int minutes) {
        Case c = cases.read(caseId, viewer);
        requireWorkerOrLead(viewer, c);
        c.requireOpenForWork();
        Session session = Session.schedule(c, kind, mode, at.truncatedTo(ChronoUnit.MICROS), minutes);
        sessions.persistAndFlush(session);
        return session;
    }

    @Transactional
    public Session record(UUID caseId, UUID sessionId, long expectedVersion, CaseViewer viewer, String by,
            Session.Outcome outcome, Integer minutes, String notes) {
        Case c = cases.readLocked(caseId, viewer);
        requireWorkerOrLead(viewer, c);
        Session session = sessions.findById(sessionId);
        if (session == null || !session.caseId().equals(caseId)) {
            throw new SessionNotFoundException(sessionId);
        }
        if (session.version() != expectedVersion) {
            throw new StaleCaseException(session.version());
        }
        c.requireOpenForWork();
        session.record(outcome, minutes, notes, by, clock.instant(), recordLeeway);
        c.sessionRecorded(outcome, session.scheduledFor());
        events.sessionRecorded(c, session);
        sessions.flush();
        return session;
    }

    /** The case's sessions in time order; notes only for its link worker and a lead of its PCN. */
    @Transactional
    public List<Seen> of(UUID caseId, CaseViewer viewer) {
        Case c = cases.read(caseId, viewer);
        boolean notes = viewer.worksOn(c);
        if (notes) {
            reads.record(caseId, viewer.reader(), "session-notes");
        }
        return sessions.ofCase(caseId).stream().map(s -> new Seen(s, notes)).toList();
    }

    private static void requireWorkerOrLead(CaseViewer viewer, Case c) {
        viewer.requireWorksOn(c, "works with its sessions");
    }

    /** The event catalogue's modes: a home visit is in person. */
}

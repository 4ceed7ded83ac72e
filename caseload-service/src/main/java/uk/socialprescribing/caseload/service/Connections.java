package uk.socialprescribing.caseload.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import uk.socialprescribing.audit.PersonalDataReads;
import uk.socialprescribing.caseload.domain.Case;
import uk.socialprescribing.caseload.domain.Connection;
import uk.socialprescribing.caseload.domain.ListedService;
import uk.socialprescribing.caseload.event.CaseEvents;
import uk.socialprescribing.conventions.Conflict;
import uk.socialprescribing.conventions.InvalidInput;
import uk.socialprescribing.conventions.NotFound;
import uk.socialprescribing.conventions.StaleVersionException;
import uk.socialprescribing.events.caseload.CaseClosed;

/**
 * Connections of a person to community services. The service must be in this service's copy of the directory and
 * not withdrawn; each connection and each move of it is announced (connection.made, connection.updated) with the
 * case's PCN and the activity category, so that outcomes can count what was made and what was missing.
 */
@ApplicationScoped
public class Connections {

    /** A connection and whether the reader may see its note. */
    public record Seen(Connection connection, ListedService service, boolean noteVisible) {
    }

    /** What the link worker asks for. */
    public record Request(UUID serviceId, String category, Connection.Status status, Connection.Reason reason, String note) {
    }

    /** A connection that is not one of this case's. */
    public static class ConnectionNotFoundException extends NotFound {
        public ConnectionNotFoundException(UUID id) {
            super("connection-not-found", "No connection " + id + " in this case");
        }
    }

    private final EntityManager entityManager;
    private final CaseQueries cases;
    private final ListedServices directory;
    private final CaseEvents events;
    private final Clock clock;
    private final PersonalDataReads reads;

    public Connections(EntityManager entityManager, CaseQueries cases, ListedServices directory, CaseEvents events, Clock clock,
            PersonalDataReads reads) {
        this.reads = reads;
        this.entityManager = entityManager;
        this.cases = cases;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Seen make(UUID caseId, Request request, CaseViewer viewer, String by) {
        Case c = lockedForWork(caseId, viewer);
        Connection.Status status = request.status() == null ? Connection.Status.SUGGESTED : request.status();
        if (!status.canStart()) {
            throw new InvalidInput("status", "StartingStatus",
                    "a connection starts as suggested, referred, attending or declined");
        }
        requireReasonFits(status, request.reason(), request.note());
        ListedService service = directory.find(request.serviceId()).filter(ListedService::isDescribed)
                .orElseThrow(() -> new InvalidInput("serviceId", "KnownService",
                        "is not a service of the directory (as last heard from directory-events)"));
        if (service.isWithdrawn()) {
            throw new Conflict("service-withdrawn",
                    service.name() + " was withdrawn from the directory on " + service.withdrawnAt() + "; choose another service",
                    "serviceId", "OpenService", "names a withdrawn service");
        }
        String category = request.category() != null ? request.category()
                : service.categories().isEmpty() ? null : service.categories().get(0);
        if (category == null || !service.categories().contains(category)) {
            throw new InvalidInput("category", "CategoryOfService",
                    "must be one of the service's categories " + service.categories());
        }
        boolean open = entityManager.createQuery("select count(n) from Connection n where n.caseId = :case and n.serviceId = :service "
                + "and n.status in :open", Long.class)
                .setParameter("open", List.of(Connection.Status.SUGGESTED, Connection.Status.REFERRED, Connection.Status.ATTENDING))
                .setParameter("case", caseId).setParameter("service", service.id()).getSingleResult() > 0;
        if (open) {
            throw new Conflict("connection-exists",
                    "The person already has an open connection to " + service.name() + "; update that one",
                    "serviceId", "OneOpenConnection", "has an open connection already");
        }
        Instant now = now();
        Connection made = Connection.make(caseId, service, category, status, request.reason(), request.note(), by, now);
        entityManager.persist(made);
        events.connectionMade(c, made, now);
        entityManager.flush();
        return new Seen(made, service, true);
    }

    @Transactional
    public Seen move(UUID caseId, UUID connectionId, long expectedVersion, Connection.Status status, Connection.Reason reason, String note,
            CaseViewer viewer) {
        Case c = lockedForWork(caseId, viewer);
        Connection connection = entityManager.find(Connection.class, connectionId);
        if (connection == null || !connection.caseId().equals(caseId)) {
            throw new ConnectionNotFoundException(connectionId);
        }
        if (connection.version() != expectedVersion) {
            throw new StaleVersionException("The connection changed since you read it; read it again", connection.version());
        }
        requireReasonFits(status, reason, note == null ? connection.note() : note);
        Instant now = now();
        connection.moveTo(status, reason, note, now);
        events.connectionUpdated(c, connection, now);
        entityManager.flush();
        return new Seen(connection, entityManager.find(ListedService.class, connection.serviceId()), true);
    }

    /** The case's connections, oldest first; notes only for its link worker and a lead of its PCN. */
    @Transactional
    public List<Seen> of(UUID caseId, CaseViewer viewer) {
        Case c = cases.read(caseId, viewer);
        boolean notes = viewer.worksOn(c);
        if (notes) {
            reads.record(caseId, viewer.reader(), "connection-notes");
        }
        return entityManager.createQuery("select n, s from Connection n join ListedService s on s.id = n.serviceId "
                + "where n.caseId = :case order by n.madeAt, n.id", Object[].class)
                .setParameter("case", caseId).getResultList().stream()
                .map(row -> new Seen((Connection) row[0], (ListedService) row[1], notes)).toList();
    }

    @Transactional
    public Seen one(UUID caseId, UUID connectionId, CaseViewer viewer) {
        return of(caseId, viewer).stream().filter(s -> s.connection().id().equals(connectionId)).findFirst()
                .orElseThrow(() -> new ConnectionNotFoundException(connectionId));
    }

    /** What the person was connected to, for case.closed: every connection that got past a suggestion and a decline. */
    static List<CaseClosed.ActivityConnected> activitiesOf(EntityManager entityManager, UUID caseId) {
        return entityManager.createQuery("from Connection n where n.caseId = :case and n.status not in :unconnected "
                + "order by n.madeAt, n.id", Connection.class).setParameter("case", caseId)
                .setParameter("unconnected", List.of(Connection.Status.SUGGESTED, Connection.Status.DECLINED)).getResultList().stream()
                .map(n -> new CaseClosed.ActivityConnected(n.serviceId(), n.serviceName(), n.status().code())).toList();
    }

    private Case lockedForWork(UUID caseId, CaseViewer viewer) {
        Case c = cases.readLocked(caseId, viewer);
        viewer.requireWorksOn(c, "connects the person to services");
        c.requireOpenForWork();
        return c;
    }

    private static void requireReasonFits(Connection.Status status, Connection.Reason reason, String note) {
        if (status.needsReason() && reason == null) {
            throw new InvalidInput("reason", "ReasonRequired", "is required when a connection is " + status);
        }
        if (!status.needsReason() && reason != null) {
            throw new InvalidInput("reason", "ReasonOnlyForEnding",
                    "is only for a connection that is declined or dropped-out");
        }
        if (reason == Connection.Reason.OTHER && (note == null || note.isBlank())) {
            throw new InvalidInput("note", "NoteForOther", "must say what the other reason is");
        }
    }

    private Instant now() {
        return clock.instant();
    }
}

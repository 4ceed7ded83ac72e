package uk.socialprescribing.caseload.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import uk.socialprescribing.audit.PersonalDataReads;
import uk.socialprescribing.caseload.domain.Case;
import uk.socialprescribing.caseload.domain.Connection;
import uk.socialprescribing.caseload.domain.ListedService;
import uk.socialprescribing.caseload.event.CaseEvents;
import uk.socialprescribing.caseload.repository.ConnectionRepository;
import uk.socialprescribing.conventions.Clocks;
import uk.socialprescribing.conventions.Conflict;
import uk.socialprescribing.conventions.InvalidInput;
import uk.socialprescribing.conventions.NotFound;
import uk.socialprescribing.conventions.StaleVersionException;

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
    public record Request(UUID serviceId, String category, Connection.Status status, Connection.Reason reason, String note,
            boolean shareContactDetails) {
    }

    /** A connection that is not one of this case's. */
    public static class ConnectionNotFoundException extends NotFound {
        public ConnectionNotFoundException(UUID id) {
            super("connection-not-found", "No connection " + id + " in this case");
        }
    }

    private final ConnectionRepository connections;
    private final CaseQueries cases;
    private final ListedServices directory;
    private final CaseEvents events;
    private final Clock clock;
    private final PersonalDataReads reads;
    private final HeardConsents consents;

    public Connections(ConnectionRepository connections, CaseQueries cases, ListedServices directory, CaseEvents events, Clock clock,
            PersonalDataReads reads, HeardConsents consents) {
        this.reads = reads;
        this.consents = consents;
        this.connections = connections;
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
        if (connections.hasOpen(caseId, service.id())) {
            throw new Conflict("connection-exists",
                    "The person already has an open connection to " + service.name() + "; update that one",
                    "serviceId", "OneOpenConnection", "has an open connection already");
        }
        Instant now = now();
        Connection made = Connection.make(caseId, service, category, status, request.reason(), request.note(), by, now);
        if (request.shareContactDetails()) {
            shareContact(c, made, status, now);
        }
        connections.persist(made);
        events.connectionMade(c, made, now);
        connections.flush();
        return new Seen(made, service, true);
    }

    @Transactional
    public Seen move(UUID caseId, UUID connectionId, long expectedVersion, Connection.Status status, Connection.Reason reason, String note,
            boolean shareContactDetails, CaseViewer viewer) {
        Case c = lockedForWork(caseId, viewer);
        Connection connection = connections.findById(connectionId);
        if (connection == null || !connection.caseId().equals(caseId)) {
            throw new ConnectionNotFoundException(connectionId);
        }
        if (connection.version() != expectedVersion) {
            throw new StaleVersionException("The connection changed since you read it; read it again", connection.version());
        }
        requireReasonFits(status, reason, note == null ? connection.note() : note);
        Instant now = now();
        connection.moveTo(status, reason, note, now);
        if (shareContactDetails) {
            shareContact(c, connection, status, now);
        }
        events.connectionUpdated(c, connection, now);
        connections.flush();
        return new Seen(connection, directory.find(connection.serviceId()).orElse(null), true);
    }

    /** The case's connections, oldest first; notes only for its link worker and a lead of its PCN. */
    @Transactional
    public List<Seen> of(UUID caseId, CaseViewer viewer) {
        Case c = cases.read(caseId, viewer);
        boolean notes = viewer.worksOn(c);
        if (notes) {
            reads.record(caseId, viewer.reader(), "connection-notes");
        }
        return connections.ofCase(caseId).stream().map(n -> new Seen(n.connection(), n.service(), notes)).toList();
    }

    @Transactional
    public Seen one(UUID caseId, UUID connectionId, CaseViewer viewer) {
        return of(caseId, viewer).stream().filter(s -> s.connection().id().equals(connectionId)).findFirst()
                .orElseThrow(() -> new ConnectionNotFoundException(connectionId));
    }

    /**
     * The provider is to have the person's contact details with the referral: only when the connection is referred, and
     * only while the person's consent to share them with a provider holds (as referral-service last said); otherwise the
     * link worker introduces the person themself.
     */
    private void shareContact(Case c, Connection connection, Connection.Status status, Instant now) {
        if (status != Connection.Status.REFERRED) {
            throw new InvalidInput("shareContactDetails", "OnlyWhenReferred", "contact details go to a provider only with a referral (status referred)");
        }
        if (!consents.holds(c.referralId(), HeardConsents.SHARE_CONTACT_WITH_PROVIDER, LocalDate.ofInstant(now, Clocks.ENGLAND))) {
            throw new Conflict("consent-required", "The person has not consented to their contact details being shared with a provider"
                    + " (or that consent is past its review date). Record their consent on the referral, or introduce them to the"
                    + " service yourself and make the connection without sharing their details.",
                    "shareContactDetails", "ProviderConsent", "needs the person's consent to share their contact details with a provider");
        }
        connection.shareContact();
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

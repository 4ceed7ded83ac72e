package uk.socialprescribing.outcomes.projection;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

import uk.socialprescribing.events.caseload.CaseAssigned;
import uk.socialprescribing.events.caseload.CaseClosed;
import uk.socialprescribing.events.caseload.CaseOpened;
import uk.socialprescribing.events.caseload.CaseWaitlisted;
import uk.socialprescribing.events.caseload.ConnectionMade;
import uk.socialprescribing.events.caseload.ConnectionUpdated;
import uk.socialprescribing.events.caseload.SessionCompleted;
import uk.socialprescribing.events.caseload.SessionMissed;
import uk.socialprescribing.events.referral.ReferralAccepted;
import uk.socialprescribing.events.referral.ReferralClosed;
import uk.socialprescribing.events.referral.ReferralDeclined;
import uk.socialprescribing.events.referral.ReferralReceived;
import uk.socialprescribing.events.referral.ReferralRedirected;
import uk.socialprescribing.events.referral.ReferralWithdrawn;
import uk.socialprescribing.messaging.inbox.ReceivedEvent;

/**
 * Applies one event of referral-events or caseload-events to the projections in a schema. Every write is an upsert
 * keyed by the fact's own id that keeps the first of first times and the latest of latest states, so an event applied
 * twice, or an older one after a newer, changes nothing: replays and a rebuild's overlap are harmless. Only codes,
 * times and the platform's ids are kept; free text in events (a redirect's destination, services' names) is not.
 */
@ApplicationScoped
public class Projector {

    private final EntityManager entityManager;

    public Projector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(String schema, ReceivedEvent event) {
        String s = Projections.checked(schema);
        event.dataAs(ReferralReceived.class).ifPresent(e -> update("""
                insert into %s.referral (referral_id, received_at, referrer_type, practice, pcn, reasons)
                values (:id, :at, :type, :practice, :pcn, :reasons)
                on conflict (referral_id) do update set received_at = excluded.received_at, referrer_type = excluded.referrer_type,
                    practice = excluded.practice, pcn = excluded.pcn, reasons = excluded.reasons""".formatted(s),
                "id", e.referralId(), "at", e.receivedAt(), "type", e.referrerType(), "practice", e.practiceOdsCode(), "pcn", e.pcnCode(),
                "reasons", e.reasonCodes() == null || e.reasonCodes().isEmpty() ? null : String.join(",", e.reasonCodes())));
        event.dataAs(ReferralAccepted.class).ifPresent(e -> triaged(s, e.referralId(), "accepted", null, e.acceptedAt(), e.pcnCode(),
                e.practiceOdsCode()));
        event.dataAs(ReferralDeclined.class).ifPresent(e -> triaged(s, e.referralId(), "declined", e.reason(), e.declinedAt(), null, null));
        event.dataAs(ReferralRedirected.class).ifPresent(e -> triaged(s, e.referralId(), "redirected", e.reason(), e.redirectedAt(), null, null));
        event.dataAs(ReferralWithdrawn.class).ifPresent(e -> update("""
                insert into %s.referral (referral_id, withdrawn_at) values (:id, :at)
                on conflict (referral_id) do update set withdrawn_at = coalesce(%s.referral.withdrawn_at, excluded.withdrawn_at)""".formatted(s, s),
                "id", e.referralId(), "at", e.withdrawnAt()));
        event.dataAs(ReferralClosed.class).ifPresent(e -> update("""
                insert into %s.referral (referral_id, closed_at) values (:id, :at)
                on conflict (referral_id) do update set closed_at = coalesce(%s.referral.closed_at, excluded.closed_at)""".formatted(s, s),
                "id", e.referralId(), "at", e.closedAt()));

        event.dataAs(CaseOpened.class).ifPresent(e -> update("""
                insert into %s.case_fact (case_id, referral_id, practice, opened_at) values (:id, :referral, :practice, :at)
                on conflict (case_id) do update set referral_id = excluded.referral_id, practice = excluded.practice,
                    opened_at = excluded.opened_at""".formatted(s),
                "id", e.caseId(), "referral", e.referralId(), "practice", e.practiceOdsCode(), "at", e.openedAt()));
        event.dataAs(CaseWaitlisted.class).ifPresent(e -> update("""
                insert into %s.case_fact (case_id, waitlisted_at) values (:id, :at)
                on conflict (case_id) do update set waitlisted_at = least(%s.case_fact.waitlisted_at, excluded.waitlisted_at)""".formatted(s, s),
                "id", e.caseId(), "at", e.waitlistedAt()));
        event.dataAs(CaseAssigned.class).ifPresent(e -> update("""
                insert into %s.case_fact (case_id, assigned_at, link_worker, last_assigned_at, pcn) values (:id, :at, :worker, :at, :pcn)
                on conflict (case_id) do update set assigned_at = least(%s.case_fact.assigned_at, excluded.assigned_at),
                    link_worker = case when %s.case_fact.last_assigned_at is null or excluded.last_assigned_at >= %s.case_fact.last_assigned_at
                                       then excluded.link_worker else %s.case_fact.link_worker end,
                    last_assigned_at = greatest(%s.case_fact.last_assigned_at, excluded.last_assigned_at),
                    pcn = coalesce(excluded.pcn, %s.case_fact.pcn)""".formatted(s, s, s, s, s, s, s),
                "id", e.caseId(), "at", e.assignedAt(), "worker", e.linkWorker(), "pcn", e.pcnCode()));
        event.dataAs(CaseClosed.class).ifPresent(e -> update("""
                insert into %s.case_fact (case_id, referral_id, closed_at, close_reason, sessions_completed) values (:id, :referral, :at, :reason, :sessions)
                on conflict (case_id) do update set closed_at = excluded.closed_at, close_reason = excluded.close_reason,
                    sessions_completed = excluded.sessions_completed, referral_id = coalesce(%s.case_fact.referral_id, excluded.referral_id)""".formatted(s, s),
                "id", e.caseId(), "referral", e.referralId(), "at", e.closedAt(), "reason", e.reason(), "sessions", e.sessionsCompleted()));
        event.dataAs(SessionCompleted.class).ifPresent(e -> session(s, e.sessionId(), e.caseId(), true, e.completedAt()));
        event.dataAs(SessionMissed.class).ifPresent(e -> session(s, e.sessionId(), e.caseId(), false, e.scheduledFor()));
        event.dataAs(ConnectionMade.class).ifPresent(e -> update("""
                insert into %s.connection_fact (connection_id, case_id, service_id, pcn, category, status, reason, made_at, updated_at)
                values (:id, :case, :service, :pcn, :category, :status, :reason, :at, :at)
                on conflict (connection_id) do update set made_at = least(%s.connection_fact.made_at, excluded.made_at)""".formatted(s, s),
                "id", e.connectionId(), "case", e.caseId(), "service", e.serviceId(), "pcn", e.pcnCode(), "category", e.category(),
                "status", e.status() == null ? "suggested" : e.status(), "reason", e.reason(), "at", e.madeAt()));
        event.dataAs(ConnectionUpdated.class).ifPresent(e -> update("""
                insert into %s.connection_fact (connection_id, case_id, service_id, pcn, category, status, reason, made_at, updated_at)
                values (:id, :case, :service, :pcn, :category, :status, :reason, :at, :at)
                on conflict (connection_id) do update set status = excluded.status, reason = excluded.reason, updated_at = excluded.updated_at,
                    pcn = coalesce(excluded.pcn, %s.connection_fact.pcn), category = coalesce(excluded.category, %s.connection_fact.category)
                where %s.connection_fact.updated_at <= excluded.updated_at""".formatted(s, s, s, s),
                "id", e.connectionId(), "case", e.caseId(), "service", e.serviceId(), "pcn", e.pcnCode(), "category", e.category(),
                "status", e.status(), "reason", e.reason(), "at", e.updatedAt()));
    }

    /** Triage decides once: the first decision's outcome and time stay; a later event can only fill in the network. */
    private void triaged(String s, UUID referral, String outcome, String reason, Instant at, String pcn, String practice) {
        update("""
                insert into %s.referral (referral_id, triage_outcome, triage_reason, triaged_at, pcn, practice)
                values (:id, :outcome, :reason, :at, :pcn, :practice)
                on conflict (referral_id) do update set
                    triage_outcome = case when %s.referral.triaged_at is null or excluded.triaged_at < %s.referral.triaged_at
                                          then excluded.triage_outcome else %s.referral.triage_outcome end,
                    triage_reason = case when %s.referral.triaged_at is null or excluded.triaged_at < %s.referral.triaged_at
                                         then excluded.triage_reason else %s.referral.triage_reason end,
                    triaged_at = least(%s.referral.triaged_at, excluded.triaged_at),
                    pcn = coalesce(%s.referral.pcn, excluded.pcn), practice = coalesce(%s.referral.practice, excluded.practice)"""
                .formatted(s, s, s, s, s, s, s, s, s, s),
                "id", referral, "outcome", outcome, "reason", reason, "at", at, "pcn", pcn, "practice", practice);
    }

    private void session(String s, UUID session, UUID caseId, boolean attended, Instant at) {
        update("""
                insert into %s.session_fact (session_id, case_id, attended, at) values (:id, :case, :attended, :at)
                on conflict (session_id) do update set attended = excluded.attended, at = excluded.at""".formatted(s),
                "id", session, "case", caseId, "attended", attended, "at", at);
    }

    private static final Map<String, Class<?>> NULL_TYPES = Map.of("id", UUID.class, "case", UUID.class,
            "service", UUID.class, "referral", UUID.class, "at", Instant.class, "sessions", Integer.class,
            "attended", Boolean.class);

    /** Statements a rebuild collects to send as JDBC batches, one batch for each kind of statement. */
    private static final ThreadLocal<Map<String, List<Object[]>>> COLLECTING = new ThreadLocal<>();
    private static final Pattern NAMED = Pattern.compile(":([a-z]+)");

    /**
     * Applies many events to the projections in a schema at once: their statements are collected and sent as one JDBC
     * batch per kind of statement (a rebuild's round trips to the database, not its statements, were what limited its
     * rate). Safe because every statement is an upsert whose outcome does not depend on the order the events come in.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyAll(String schema, List<ReceivedEvent> events) {
        Map<String, List<Object[]>> statements = new LinkedHashMap<>();
        COLLECTING.set(statements);
        try {
            for (ReceivedEvent event : events) {
                apply(schema, event);
            }
        } finally {
            COLLECTING.remove();
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            for (Map.Entry<String, List<Object[]>> statement : statements.entrySet()) {
                try (PreparedStatement batch = connection.prepareStatement(statement.getKey())) {
                    for (Object[] values : statement.getValue()) {
                        for (int i = 0; i < values.length; i++) {
                            bind(batch, i + 1, values[i]);
                        }
                        batch.addBatch();
                    }
                    batch.executeBatch();
                }
            }
        });
    }

    /** A parameter as PgJDBC takes it; a null typed by the parameter's name (see {@link #NULL_TYPES}). */
    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof Class<?> nullOf) {
            statement.setNull(index, nullOf == UUID.class ? Types.OTHER : nullOf == Instant.class ? Types.TIMESTAMP_WITH_TIMEZONE
                    : nullOf == Integer.class ? Types.INTEGER : nullOf == Boolean.class ? Types.BOOLEAN : Types.VARCHAR);
        } else if (value instanceof Instant instant) {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
        } else {
            statement.setObject(index, value);
        }
    }

    /** A statement with JDBC's positional parameters, and the names they stand for, in order. */
    private record Positional(String sql, List<String> names) {
        static Positional of(String sql) {
            List<String> names = new ArrayList<>();
            Matcher named = NAMED.matcher(sql);
            StringBuilder positional = new StringBuilder();
            while (named.find()) {
                names.add(named.group(1));
                named.appendReplacement(positional, "?");
            }
            named.appendTail(positional);
            return new Positional(positional.toString(), List.copyOf(names));
        }
    }

    /** Each statement's text parsed once, not once per event (a few kinds of statement for each projection schema). */
    private static final Map<String, Positional> PARSED = new ConcurrentHashMap<>();

    /** Collects the statement for {@link #applyAll}: its named parameters in order, as JDBC's positional ones. */
    private static void collect(Map<String, List<Object[]>> statements, String sql, Object... parameters) {
        if (PARSED.size() > 1_000) {
            PARSED.clear(); // schemas of rebuilds long past
        }
        Positional statement = PARSED.computeIfAbsent(sql, Positional::of);
        Object[] values = new Object[statement.names().size()];
        for (int v = 0; v < values.length; v++) {
            String name = statement.names().get(v);
            int i = 0;
            while (i < parameters.length && !name.equals(parameters[i])) {
                i += 2;
            }
            if (i >= parameters.length) {
                throw new IllegalStateException("No value for :" + name);
            }
            Object value = parameters[i + 1];
            values[v] = value == null ? NULL_TYPES.getOrDefault(name, String.class) : value;
        }
        statements.computeIfAbsent(statement.sql(), k -> new ArrayList<>()).add(values);
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private void update(String sql, Object... parameters) {
        Map<String, List<Object[]>> collecting = COLLECTING.get();
        if (collecting != null) {
            collect(collecting, sql, parameters);
            return;
        }
        var query = entityManager.createNativeQuery(sql).unwrap(NativeQuery.class);
        for (int i = 0; i < parameters.length; i += 2) {
            Object value = parameters[i + 1];
            String name = (String) parameters[i];
            if (value == null) {
                // a null's type cannot be told from the value: it follows from the parameter's name
                query.setParameter(name, null, NULL_TYPES.getOrDefault(name, String.class));
            } else {
                query.setParameter(name, value);
            }
        }
        query.executeUpdate();
    }
}

package uk.socialprescribing.directory.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import uk.socialprescribing.events.caseload.ConnectionMade;
import uk.socialprescribing.events.caseload.ConnectionUpdated;

/**
 * Each service's uptake, from caseload's connection events: how many people link workers suggested it to, how many
 * were referred (the service received them), are attending or completed, and how many declined or dropped out and
 * why. It holds the connection's own id, never the case or the person.
 */
@ApplicationScoped
public class Uptake {

    /** A connection in these states has been sent to the service: it received a referral. */
    static final Set<String> REFERRED = Set.of("referred", "attending", "completed", "dropped-out");

    /** A connection in these states holds one of the service's places: taken when it enters them, freed when it leaves. */
    static final Set<String> HOLDS_A_PLACE = Set.of("referred", "attending");

    /** One service's figures. */
    public record Figures(UUID serviceId, String name, long suggested, long referralsReceived, long attending, long completed,
            long declined, Map<String, Long> declinedBecause, long droppedOut, Map<String, Long> droppedOutBecause, Instant lastActivity) {
    }

    private final EntityManager entityManager;
    private final Partnering partnering;

    public Uptake(EntityManager entityManager, Partnering partnering) {
        this.entityManager = entityManager;
        this.partnering = partnering;
    }

    /** A new connection; one made straight into referred or attending takes a place. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void made(ConnectionMade made) {
        String status = made.status() == null ? "suggested" : made.status();
        Object[] change = (Object[]) entityManager.createNativeQuery("""
                with before as (select status from connection_uptake where connection_id = :connection),
                     after as (insert into connection_uptake (connection_id, service_id, status, reason, referred, made_at, updated_at)
                               values (:connection, :service, :status, :reason, :referred, :at, :at)
                               on conflict (connection_id) do nothing returning status)
                select (select status from before), (select status from after)""")
                .setParameter("connection", made.connectionId()).setParameter("service", made.serviceId()).setParameter("status", status)
                .setParameter("reason", made.reason()).setParameter("referred", REFERRED.contains(status)).setParameter("at", made.madeAt())
                .getSingleResult();
        places(made.serviceId(), (String) change[0], (String) change[1], made.madeAt());
    }

    /**
     * A later status; an update older than what is held (a replay out of order) changes nothing. Entering referred or
     * attending takes a place; leaving them (completed, declined, dropped out) frees it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void updated(ConnectionUpdated updated) {
        Object[] change = (Object[]) entityManager.createNativeQuery("""
                with before as (select status from connection_uptake where connection_id = :connection),
                     after as (insert into connection_uptake (connection_id, service_id, status, reason, referred, made_at, updated_at)
                               values (:connection, :service, :status, :reason, :referred, :at, :at)
                               on conflict (connection_id) do update set status = excluded.status, reason = excluded.reason,
                                   referred = connection_uptake.referred or excluded.referred, updated_at = excluded.updated_at
                               where connection_uptake.updated_at <= excluded.updated_at
                               returning status)
                select (select status from before), (select status from after)""")
                .setParameter("connection", updated.connectionId()).setParameter("service", updated.serviceId())
                .setParameter("status", updated.status()).setParameter("reason", updated.reason())
                .setParameter("referred", REFERRED.contains(updated.status())).setParameter("at", updated.updatedAt()).getSingleResult();
        places(updated.serviceId(), (String) change[0], (String) change[1], updated.updatedAt());
    }

    /** The place a move takes or frees, if it was applied (after is null when it was not). */
    private void places(UUID serviceId, String before, String after, Instant at) {
        if (after == null) {
            return;
        }
        boolean held = before != null && HOLDS_A_PLACE.contains(before);
        boolean holds = HOLDS_A_PLACE.contains(after);
        if (held != holds) {
            partnering.placeTaken(serviceId, holds ? 1 : -1, at);
        }
    }

    /** The figures of these services (all of them, in one query), in the order given; a service nobody was connected to has zeros. */
    public List<Figures> of(List<UUID> serviceIds) {
        if (serviceIds.isEmpty()) {
            return List.of();
        }
        Map<UUID, Tuple> counts = new LinkedHashMap<>();
        for (Object o : entityManager.createNativeQuery("""
                select s.id, s.name,
                       count(u.connection_id) filter (where u.status = 'suggested') as suggested,
                       count(u.connection_id) filter (where u.referred) as received,
                       count(u.connection_id) filter (where u.status = 'attending') as attending,
                       count(u.connection_id) filter (where u.status = 'completed') as completed,
                       count(u.connection_id) filter (where u.status = 'declined') as declined,
                       count(u.connection_id) filter (where u.status = 'dropped-out') as dropped,
                       to_char(max(u.updated_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as last_activity
                from service s left join connection_uptake u on u.service_id = s.id
                where s.id in (:ids) group by s.id, s.name""", Tuple.class).setParameter("ids", serviceIds).getResultList()) {
            Tuple t = (Tuple) o;
            counts.put((UUID) t.get("id"), t);
        }
        Map<UUID, Map<String, Map<String, Long>>> reasons = new LinkedHashMap<>();
        for (Object o : entityManager.createNativeQuery("""
                select service_id, status, coalesce(reason, 'not-given'), count(*) from connection_uptake
                where service_id in (:ids) and status in ('declined', 'dropped-out') group by service_id, status, reason
                order by service_id, status, count(*) desc, reason""", Tuple.class).setParameter("ids", serviceIds).getResultList()) {
            Tuple t = (Tuple) o;
            reasons.computeIfAbsent((UUID) t.get(0), k -> new LinkedHashMap<>()).computeIfAbsent((String) t.get(1), k -> new LinkedHashMap<>())
                    .put((String) t.get(2), ((Number) t.get(3)).longValue());
        }
        List<Figures> figures = new ArrayList<>();
        for (UUID id : serviceIds) {
            Tuple t = counts.get(id);
            if (t == null) {
                continue;
            }
            Map<String, Map<String, Long>> why = reasons.getOrDefault(id, Map.of());
            String last = (String) t.get("last_activity");
            figures.add(new Figures(id, (String) t.get("name"), n(t, "suggested"), n(t, "received"), n(t, "attending"), n(t, "completed"),
                    n(t, "declined"), why.getOrDefault("declined", Map.of()), n(t, "dropped"), why.getOrDefault("dropped-out", Map.of()),
                    last == null ? null : Instant.parse(last)));
        }
        return figures;
    }

    private static long n(Tuple t, String column) {
        return ((Number) t.get(column)).longValue();
    }
}

package uk.socialprescribing.outcomes.measure;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import uk.socialprescribing.conventions.Clocks;
import uk.socialprescribing.outcomes.config.OutcomesConfig;
import uk.socialprescribing.outcomes.projection.Projections;

/**
 * The local demo's outcome measures: once the demo's cases have been assigned (their number has stopped changing),
 * the first {@code outcomes.demo-data.cases} open ones get a baseline SWEMWBS, UCLA3 and ONS4 from their link worker,
 * and two in three a follow-up too, most of them better, through the same path a link worker's request takes. Once
 * only: a database with any measure is left alone.
 */
@ApplicationScoped
public class DemoOutcomes {

    private static final Logger LOG = Logger.getLogger(DemoOutcomes.class);

    private final boolean enabled;
    private final int cases;
    private final EntityManager entityManager;
    private final Projections projections;
    private final Measurements measurements;
    private volatile boolean done;
    private volatile long assignedBefore = -1;

    public DemoOutcomes(OutcomesConfig config, EntityManager entityManager, Projections projections, Measurements measurements) {
        this.enabled = config.demoData().enabled();
        this.cases = config.demoData().cases();
        this.entityManager = entityManager;
        this.projections = projections;
        this.measurements = measurements;
    }

    @Scheduled(every = "10s", delay = 20, delayUnit = TimeUnit.SECONDS, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void seed() {
        if (!enabled || done) {
            return;
        }
        List<Object[]> assigned = QuarkusTransaction.requiringNew().call(() -> {
            if (((Number) entityManager.createNativeQuery("select count(*) from measurement").getSingleResult()).longValue() > 0) {
                return null;
            }
            String s = projections.current();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("select c.case_id, c.link_worker, r.received_at from " + s + ".case_fact c left join "
                    + s + ".referral r on r.referral_id = c.referral_id where c.link_worker is not null "
                    + "and c.closed_at is null order by c.assigned_at, c.case_id").getResultList();
            return rows;
        });
        if (assigned == null) {
            done = true;
            return;
        }
        // wait for the demo's burst of assignments to end
        if (assigned.size() < 8 || assigned.size() != assignedBefore) {
            assignedBefore = assigned.size();
            return;
        }
        int recorded = 0;
        for (int i = 0; i < Math.min(cases, assigned.size()); i++) {
            UUID caseId = (UUID) assigned.get(i)[0];
            Measurements.Asker worker = new Measurements.Asker((String) assigned.get(i)[1], false, null);
            // the baseline at the first conversation, two days after the referral arrived; the follow-up today
            LocalDate today = LocalDate.now(Clocks.ENGLAND);
            Object received = assigned.get(i)[2];
            LocalDate baseline = received == null ? today : min(today, LocalDate.ofInstant(received instanceof Timestamp t ? t.toInstant()
                    : received instanceof OffsetDateTime o ? o.toInstant() : (Instant) received, Clocks.ENGLAND).plusDays(2));
            int swemwbs = 14 + i % 7;
            int ucla = 6 + i % 3;
            measurements.record(caseId, Instrument.SWEMWBS, "baseline", spread(Instrument.SWEMWBS, swemwbs), baseline, worker);
            measurements.record(caseId, Instrument.UCLA3, "baseline", spread(Instrument.UCLA3, ucla), baseline, worker);
            measurements.record(caseId, Instrument.ONS4, "baseline", Map.of("life_satisfaction", 3 + i % 3, "worthwhile", 4 + i % 3,
                    "happiness", 3 + i % 4, "anxiety", 6 + i % 3), baseline, worker);
            recorded += 3;
            if (i % 3 != 2) {
                // most improve, by 0 to 6 raw points; a few feel lonelier
                measurements.record(caseId, Instrument.SWEMWBS, "follow-up", spread(Instrument.SWEMWBS, swemwbs + i % 7), today, worker);
                measurements.record(caseId, Instrument.UCLA3, "follow-up", spread(Instrument.UCLA3, i % 5 == 4 ? Math.min(9, ucla + 1)
                        : Math.max(3, ucla - 1 - i % 2)), today, worker);
                measurements.record(caseId, Instrument.ONS4, "follow-up", Map.of("life_satisfaction", 5 + i % 4, "worthwhile", 5 + i % 3,
                        "happiness", 5 + i % 4, "anxiety", 3 + i % 4), today, worker);
                recorded += 3;
            }
        }
        done = true;
        LOG.infof("Recorded %d demo outcome measures for %d cases", recorded, Math.min(cases, assigned.size()));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** Item scores adding up to {@code total}, as even as they can be. */
    static Map<String, Integer> spread(Instrument instrument, int total) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        int items = instrument.items().size();
        for (int k = 0; k < items; k++) {
            answers.put(instrument.items().get(k), total / items + (k < total % items ? 1 : 0));
        }
        return answers;
    }
}

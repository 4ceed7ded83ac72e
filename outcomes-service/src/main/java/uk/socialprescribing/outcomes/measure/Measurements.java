package uk.socialprescribing.outcomes.measure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.socialprescribing.events.outcome.OutcomeRecorded;
import uk.socialprescribing.messaging.outbox.Outbox;
import uk.socialprescribing.outcomes.projection.Projections;
import uk.socialprescribing.problem.Problem;
import uk.socialprescribing.problem.ProblemException;

/**
 * Outcome measures recorded for a case by its link worker, with each measure's change since baseline. Whose case it
 * is comes from caseload's events (the case's latest assignment); nothing here knows who the person is.
 */
@ApplicationScoped
public class Measurements {

    /** One recorded questionnaire, scored. */
    public record Measurement(UUID id, UUID caseId, Instrument instrument, String timepoint, BigDecimal score, Integer raw,
            Map<String, Integer> items, Map<String, String> bands, String recordedBy, Instant recordedAt) {
    }

    /** One scale's change from the first baseline to the latest follow-up or exit, and whether it is a meaningful one. */
    public record Change(String measure, BigDecimal baseline, BigDecimal latest, BigDecimal change, boolean improved, String rule) {
    }

    /** Who asks: a link worker (their sign-in name) or a lead of a network. */
    public record Asker(String username, boolean lead, String pcn) {
    }

    record CaseOwner(String linkWorker, String pcn) {
    }

    private static final TypeReference<LinkedHashMap<String, Integer>> ITEMS = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final Scoring scoring;
    private final Projections projections;
    private final Outbox outbox;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock = Clock.systemUTC();

    public Measurements(EntityManager entityManager, Scoring scoring, Projections projections, Outbox outbox) {
        this.entityManager = entityManager;
        this.scoring = scoring;
        this.projections = projections;
        this.outbox = outbox;
    }

    /** Records a questionnaire for the link worker's own case, and announces it (outcome.recorded, scores only). */
    @Transactional
    public Measurement record(UUID caseId, Instrument instrument, String timepoint, Map<String, Integer> answers, String linkWorker) {
        CaseOwner owner = owner(caseId).orElseThrow(() -> unknownCase(caseId));
        if (!linkWorker.equals(owner.linkWorker())) {
            // another worker's case is not confirmed to exist, as in caseload-service
            throw notYours(caseId);
        }
        Scoring.Scored scored = scoring.score(instrument, answers);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        entityManager.createNativeQuery("""
                insert into measurement (id, case_id, instrument, timepoint, score, item_scores, recorded_by, recorded_at)
                values (:id, :case, :instrument, :timepoint, :score, :items, :by, :at)""").unwrap(org.hibernate.query.NativeQuery.class)
                .setParameter("id", id).setParameter("case", caseId).setParameter("instrument", instrument.name())
                .setParameter("timepoint", timepoint).setParameter("score", scored.score(), BigDecimal.class)
                .setParameter("items", write(scored.items())).setParameter("by", linkWorker).setParameter("at", now).executeUpdate();
        outbox.record(new OutcomeRecorded(id, caseId, instrument.name(), timepoint, scored.score(), scored.items(), owner.pcn(), now));
        return new Measurement(id, caseId, instrument, timepoint, scored.score(), scored.raw(), scored.items(), scored.bands(), linkWorker, now);
    }

    /** A case's measurements, oldest first, for its link worker or a lead of its network. */
    public List<Measurement> of(UUID caseId, Asker asker) {
        CaseOwner owner = owner(caseId).orElseThrow(() -> unknownCase(caseId));
        boolean allowed = asker.username().equals(owner.linkWorker()) || (asker.lead() && asker.pcn() != null && asker.pcn().equals(owner.pcn()));
        if (!allowed) {
            throw notYours(caseId);
        }
        List<Measurement> found = new ArrayList<>();
        for (Object o : entityManager.createNativeQuery("""
                select id, instrument, timepoint, score, item_scores, recorded_by, recorded_at from measurement
                where case_id = :case order by recorded_at, id""", Tuple.class).setParameter("case", caseId).getResultList()) {
            Tuple t = (Tuple) o;
            Instrument instrument = Instrument.valueOf((String) t.get(1));
            Map<String, Integer> items = read((String) t.get(4));
            Scoring.Scored scored = scoring.score(instrument, items);
            found.add(new Measurement((UUID) t.get(0), caseId, instrument, (String) t.get(2), (BigDecimal) t.get(3), scored.raw(), items,
                    scored.bands(), (String) t.get(5), (Instant) t.get(6)));
        }
        return found;
    }

    /** Each scale's change from the first baseline to the latest follow-up or exit. */
    public List<Change> changes(List<Measurement> measurements) {
        Map<String, BigDecimal> baseline = new LinkedHashMap<>();
        Map<String, BigDecimal> latest = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            Map<String, BigDecimal> values = Scales.values(m.instrument(), m.score(), m.items());
            values.forEach((scale, value) -> {
                if ("baseline".equals(m.timepoint())) {
                    baseline.putIfAbsent(scale, value);
                } else {
                    latest.put(scale, value);
                }
            });
        }
        List<Change> changes = new ArrayList<>();
        baseline.forEach((scale, before) -> {
            BigDecimal after = latest.get(scale);
            if (after != null) {
                changes.add(new Change(scale, before, after, after.subtract(before).setScale(2, RoundingMode.HALF_UP),
                        Scales.improved(scoring, scale, before, after), Scales.rule(scale)));
            }
        });
        return changes;
    }

    private Optional<CaseOwner> owner(UUID caseId) {
        String s = projections.current();
        List<?> rows = entityManager.createNativeQuery("select c.link_worker, coalesce(c.pcn, r.pcn) from " + s + ".case_fact c left join " + s
                + ".referral r on r.referral_id = c.referral_id where c.case_id = :case and c.link_worker is not null", Tuple.class)
                .setParameter("case", caseId).getResultList();
        return rows.stream().map(Tuple.class::cast).map(t -> new CaseOwner((String) t.get(0), (String) t.get(1))).findFirst();
    }

    private static ProblemException notYours(UUID caseId) {
        return new ProblemException(Problem.of(Response.Status.NOT_FOUND, "not-found",
                "No case " + caseId + " of yours is known here: only the case's link worker, or a lead of its network, may see it"));
    }

    private static ProblemException unknownCase(UUID caseId) {
        return new ProblemException(Problem.of(Response.Status.NOT_FOUND, "not-found",
                "No case " + caseId + " with a link worker is known here yet (assignments arrive from caseload-service within seconds)"));
    }

    private String write(Map<String, Integer> items) {
        try {
            return json.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Integer> read(String items) {
        try {
            return json.readValue(items, ITEMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

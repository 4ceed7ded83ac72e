package uk.socialprescribing.outcomes.measure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.query.NativeQuery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.socialprescribing.conventions.Clocks;
import uk.socialprescribing.conventions.InvalidInput;
import uk.socialprescribing.conventions.NotFound;
import uk.socialprescribing.outcomes.event.OutcomeEvents;
import uk.socialprescribing.outcomes.projection.Projections;

/**
 * Outcome measures recorded for a case by its link worker, with each measure's change since baseline. Whose case it
 * is comes from caseload's events (the case's latest assignment); nothing here knows who the person is.
 */
@ApplicationScoped
public class Measurements {

    /** One recorded questionnaire, scored. */
    public record Measurement(UUID id, UUID caseId, Instrument instrument, String timepoint,
            @Schema(description = "The day the person completed it (UK time)", example = "2026-11-27") LocalDate completedOn, BigDecimal score,
            Integer raw, Map<String, Integer> items, Map<String, String> bands, String recordedBy,
            @Schema(description = "When it was entered here") Instant recordedAt) {
    }

    /** A completion date that cannot be: in the future, or before the case's referral arrived. */
    public static class CompletedOnException extends InvalidInput {
        CompletedOnException(String rule, String message) {
            super("completedOn", rule, message);
        }
    }

    /** One scale's change from the first baseline to the latest follow-up or exit, and whether it is a meaningful one. */
    public record Change(String measure, BigDecimal baseline, BigDecimal latest, BigDecimal change, boolean improved, String rule) {
    }

    /** Who asks: a link worker (their sign-in name) or a lead of a network. */
    /** Where a scale's first baseline sets the line a later measure must reach to count as a meaningful improvement. */
    @Schema(name = "MeasureTarget")
    public record Target(@Schema(description = "The scale, as in changes") String measure,
            @Schema(description = "The first baseline's value") BigDecimal baseline,
            @Schema(description = "A later value at or beyond this (above where higher is better, below otherwise) is a meaningful "
                    + "improvement; absent where the baseline leaves no room for one") BigDecimal improvedAt,
            @Schema(description = "False for UCLA3 (loneliness) and ONS4 anxiety") boolean higherIsBetter,
            @Schema(description = "The rule, in words, with its source") String rule) {
    }

    public record Asker(String username, boolean lead, String pcn) {
    }

    record CaseOwner(String linkWorker, String pcn, Instant referralReceived) {
    }

    private static final TypeReference<LinkedHashMap<String, Integer>> ITEMS = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final Scoring scoring;
    private final Projections projections;
    private final OutcomeEvents events;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;

    public Measurements(EntityManager entityManager, Scoring scoring, Projections projections, OutcomeEvents events, Clock clock) {
        this.clock = clock;
        this.entityManager = entityManager;
        this.scoring = scoring;
        this.projections = projections;
        this.events = events;
    }

    /**
     * Records a questionnaire the person completed on a day (today if not given), for the case's link worker or a lead of
     * its network (a lead may carry cases of their own), and announces it (outcome.recorded, scores only).
     */
    @Transactional
    public Measurement record(UUID caseId, Instrument instrument, String timepoint, Map<String, Integer> answers, LocalDate completedOn,
            Asker recorder) {
        CaseOwner owner = owner(caseId).orElseThrow(() -> unknownCase(caseId));
        if (!mayWorkOn(recorder, owner)) {
            // another worker's case is not confirmed to exist, as in caseload-service
            throw notYours(caseId);
        }
        Scoring.Scored scored = scoring.score(instrument, answers);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Clocks.ENGLAND);
        LocalDate completed = completedOn == null ? today : completedOn;
        if (completed.isAfter(today)) {
            throw new CompletedOnException("NotInTheFuture", "is after today (" + today + ")");
        }
        LocalDate referred = owner.referralReceived() == null ? null : LocalDate.ofInstant(owner.referralReceived(), Clocks.ENGLAND);
        if (referred != null && completed.isBefore(referred)) {
            throw new CompletedOnException("NotBeforeReferral", "is before the case's referral was received (" + referred + ")");
        }
        UUID id = UUID.randomUUID();
        entityManager.createNativeQuery("""
                insert into measurement (id, case_id, instrument, timepoint, score, item_scores, recorded_by, recorded_at, completed_on)
                values (:id, :case, :instrument, :timepoint, :score, :items, :by, :at, :completed)""").unwrap(NativeQuery.class)
                .setParameter("id", id).setParameter("case", caseId).setParameter("instrument", instrument.name())
                .setParameter("timepoint", timepoint).setParameter("score", scored.score(), BigDecimal.class)
                .setParameter("items", write(scored.items())).setParameter("by", recorder.username()).setParameter("at", now)
                .setParameter("completed", completed).executeUpdate();
        Measurement recorded = new Measurement(id, caseId, instrument, timepoint, completed, scored.score(), scored.raw(), scored.items(),
                scored.bands(), recorder.username(), now);
        events.recorded(recorded, owner.pcn());
        return recorded;
    }

    private static boolean mayWorkOn(Asker asker, CaseOwner owner) {
        return asker.username().equals(owner.linkWorker()) || (asker.lead() && asker.pcn() != null && asker.pcn().equals(owner.pcn()));
    }

    /** A case's measurements, oldest first, for its link worker or a lead of its network. */
    public List<Measurement> of(UUID caseId, Asker asker) {
        CaseOwner owner = owner(caseId).orElseThrow(() -> unknownCase(caseId));
        if (!mayWorkOn(asker, owner)) {
            throw notYours(caseId);
        }
        List<Measurement> found = new ArrayList<>();
        for (Object o : entityManager.createNativeQuery("""
                select id, instrument, timepoint, score, item_scores, recorded_by, recorded_at, completed_on from measurement
                where case_id = :case order by completed_on, recorded_at, id""", Tuple.class).setParameter("case", caseId).getResultList()) {
            Tuple t = (Tuple) o;
            Instrument instrument = Instrument.valueOf((String) t.get(1));
            Map<String, Integer> items = read((String) t.get(4));
            Scoring.Scored scored = scoring.score(instrument, items);
            found.add(new Measurement((UUID) t.get(0), caseId, instrument, (String) t.get(2), toLocalDate(t.get(7)), (BigDecimal) t.get(3),
                    scored.raw(), items, scored.bands(), (String) t.get(5), (Instant) t.get(6)));
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

    /** For each scale with a baseline, the line its first baseline sets for a meaningful improvement. */
    public List<Target> targets(List<Measurement> measurements) {
        Map<String, BigDecimal> baseline = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            if ("baseline".equals(m.timepoint())) {
                Scales.values(m.instrument(), m.score(), m.items()).forEach(baseline::putIfAbsent);
            }
        }
        List<Target> targets = new ArrayList<>();
        baseline.forEach((scale, before) -> targets.add(new Target(scale, before, Scales.improvedAt(scoring, scale, before),
                Scales.higherIsBetter(scale), Scales.rule(scale))));
        return targets;
    }

    private Optional<CaseOwner> owner(UUID caseId) {
        String s = projections.current();
        List<?> rows = entityManager.createNativeQuery("select c.link_worker, coalesce(c.pcn, r.pcn), r.received_at from " + s + ".case_fact c left join " + s
                + ".referral r on r.referral_id = c.referral_id where c.case_id = :case and c.link_worker is not null", Tuple.class)
                .setParameter("case", caseId).getResultList();
        return rows.stream().map(Tuple.class::cast).map(t -> new CaseOwner((String) t.get(0), (String) t.get(1), toInstant(t.get(2)))).findFirst();
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static Instant toInstant(Object value) {
        return value == null ? null : value instanceof Timestamp t ? t.toInstant()
                : value instanceof OffsetDateTime o ? o.toInstant() : (Instant) value;
    }

    private static NotFound notYours(UUID caseId) {
        return new NotFound("No case " + caseId + " of yours is known here: only the case's link worker, or a lead of its network, may see it");
    }

    private static NotFound unknownCase(UUID caseId) {
        return new NotFound("No case " + caseId + " with a link worker is known here yet (assignments arrive from caseload-service within seconds)");
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

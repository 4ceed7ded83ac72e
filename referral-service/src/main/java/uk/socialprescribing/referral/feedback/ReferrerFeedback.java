package uk.socialprescribing.referral.feedback;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.socialprescribing.events.caseload.CaseClosed;
import uk.socialprescribing.events.outcome.OutcomeRecorded;
import uk.socialprescribing.referral.domain.Referral;
import uk.socialprescribing.referral.domain.ReferralStatus;

/**
 * The loop back to the referrer. Each triage decision and the case's closure write a {@link FeedbackMessage} in the
 * transaction of the decision, and queue it for every webhook the referrer organisation registered: a webhook
 * that fails is retried later by the {@link WebhookDispatcher} and never holds up triage.
 */
@ApplicationScoped
public class ReferrerFeedback {

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Clock clock;

    public ReferrerFeedback(EntityManager entityManager, ObjectMapper json, Clock clock) {
        this.entityManager = entityManager;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void accepted(Referral referral) {
        write(referral, "accepted", FeedbackMessage.REFERRED, null, null, null, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void declined(Referral referral) {
        write(referral, "declined", FeedbackMessage.DECLINED, referral.decisionReason(), null, null, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void redirected(Referral referral) {
        write(referral, "redirected", null, null, referral.redirectedTo(), null, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void closed(Referral referral, CaseClosed closed) {
        List<FeedbackMessage.Activity> activities = closed.activitiesConnected() == null ? List.of()
                : closed.activitiesConnected().stream()
                        .map(a -> new FeedbackMessage.Activity(a.serviceId(), a.name(), a.status())).toList();
        serialiseOn(closed.caseId());
        List<FeedbackMessage.OutcomeChange> changes = referral.consentToShareOutcome() ? outcomeChanges(closed.caseId()) : null;
        write(referral, "closed", FeedbackMessage.REFERRED, null, null, new FeedbackMessage.Closure(closed.reason(),
                closed.sessionsCompleted(), activities, referral.consentToShareOutcome(), changes), null);
    }

    /**
     * An outcome measure recorded for a case, kept for the closing message. Outcome and caseload events travel on
     * different topics, so a follow-up can arrive after the case closed: if it completes a before-and-after pair of a
     * closed referral whose person agreed to share, the referrer gets an outcome-update message.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void outcomeRecorded(OutcomeRecorded outcome) {
        if (outcome.score() == null) {
            // ONS4 has no single score (its four items are reported apart): the referrer's message carries totals only
            return;
        }
        serialiseOn(outcome.caseId());
        int stored = entityManager.createNativeQuery("""
                insert into case_outcome (measurement_id, case_id, instrument, timepoint, score, recorded_at)
                values (:id, :case, :instrument, :timepoint, :score, :at) on conflict do nothing""")
                .setParameter("id", outcome.measurementId())
                .setParameter("case", outcome.caseId())
                .setParameter("instrument", outcome.instrument())
                .setParameter("timepoint", outcome.timepoint())
                .setParameter("score", outcome.score())
                .setParameter("at", Timestamp.from(outcome.recordedAt()))
                .executeUpdate();
        if (stored == 0 || "baseline".equals(outcome.timepoint())) {
            return;
        }
        List<Referral> closed = entityManager.createQuery("from Referral r where r.caseId = :case and r.status = :closed", Referral.class)
                .setParameter("case", outcome.caseId()).setParameter("closed", ReferralStatus.CLOSED).getResultList();
        for (Referral referral : closed) {
            if (!referral.consentToShareOutcome()) {
                continue;
            }
            List<FeedbackMessage.OutcomeChange> changes = outcomeChanges(outcome.caseId()).stream()
                    .filter(c -> c.instrument().equals(outcome.instrument())).toList();
            if (!changes.isEmpty()) {
                write(referral, "outcome-update", null, null, null, null, changes);
            }
        }
    }

    /**
     * The case's closure and an outcome of that case travel on different topics and are handled at the same time by
     * different consumers. Unserialised, each transaction misses the other's uncommitted work: the closing message
     * is built without the new measure, and the measure, finding its referral not yet closed, sends no update, so the
     * referrer never hears of the change. Both take this lock of the case first, so the second sees what the first
     * committed (each statement reads afresh under read committed).
     */
    private void serialiseOn(UUID caseId) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:case, 11))")
                .setParameter("case", "case:" + caseId).getSingleResult();
    }

    /** The messages about one referral, oldest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<FeedbackMessage> messagesAbout(UUID referralId) {
        List<String> bodies = entityManager.createQuery(
                "select m.body from ReferrerMessage m where m.referralId = :referral order by m.createdAt, m.id", String.class)
                .setParameter("referral", referralId).getResultList();
        List<FeedbackMessage> messages = new ArrayList<>(bodies.size());
        for (String body : bodies) {
            try {
                messages.add(json.readValue(body, FeedbackMessage.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A stored message does not read back", e);
            }
        }
        return messages;
    }

    /** Per instrument: the first baseline and the latest follow-up or exit measure, when both were recorded. */
    List<FeedbackMessage.OutcomeChange> outcomeChanges(UUID caseId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                select instrument, timepoint, score from case_outcome where case_id = :case order by recorded_at""", Tuple.class)
                .setParameter("case", caseId).getResultList();
        Map<String, BigDecimal> baseline = new LinkedHashMap<>();
        Map<String, BigDecimal> followUp = new LinkedHashMap<>();
        for (Tuple row : rows) {
            String instrument = (String) row.get(0);
            BigDecimal score = (BigDecimal) row.get(2);
            if ("baseline".equals(row.get(1))) {
                baseline.putIfAbsent(instrument, score);
            } else {
                followUp.put(instrument, score);
            }
        }
        List<FeedbackMessage.OutcomeChange> changes = new ArrayList<>();
        baseline.forEach((instrument, before) -> {
            BigDecimal after = followUp.get(instrument);
            if (after != null) {
                changes.add(new FeedbackMessage.OutcomeChange(instrument, before, after, after.subtract(before)));
            }
        });
        return changes;
    }

    private void write(Referral referral, String kind, FeedbackMessage.Coding recordAs, String declineReason,
            String redirectedTo, FeedbackMessage.Closure closure, List<FeedbackMessage.OutcomeChange> outcomeChanges) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        FeedbackMessage message = new FeedbackMessage(UUID.randomUUID(), referral.id(), kind, referral.status().name(),
                recordAs, now, declineReason, redirectedTo, closure, outcomeChanges);
        String body;
        try {
            body = json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String organisation = referral.referrer().organisation();
        entityManager.persist(new ReferrerMessage(message.messageId(), referral.id(), organisation, kind, body, now));
        if (organisation == null) {
            return;
        }
        List<WebhookSubscription> hooks = entityManager.createQuery(
                "from WebhookSubscription s where s.organisation = :organisation and s.removedAt is null", WebhookSubscription.class)
                .setParameter("organisation", organisation).getResultList();
        for (WebhookSubscription hook : hooks) {
            entityManager.persist(new WebhookDelivery(UUID.randomUUID(), message.messageId(), hook.id, now));
        }
    }
}

package uk.socialprescribing.referral.feedback;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
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

import uk.socialprescribing.conventions.Clocks;
import uk.socialprescribing.events.caseload.CaseClosed;
import uk.socialprescribing.events.outcome.OutcomeRecorded;
import uk.socialprescribing.messaging.AdvisoryLocks;
import uk.socialprescribing.reference.PrimaryCare;
import uk.socialprescribing.referral.domain.ConsentPurpose;
import uk.socialprescribing.referral.domain.DeclineReason;
import uk.socialprescribing.referral.domain.Allocation;
import uk.socialprescribing.referral.domain.Referral;
import uk.socialprescribing.referral.domain.TriageDecision;
import uk.socialprescribing.referral.domain.ReferralStatus;
import uk.socialprescribing.referral.service.Consents;

/**
 * The loop back to the referrer. Each triage decision and the case's closure write a {@link FeedbackMessage} in the
 * transaction of the decision, and queue it for every webhook the referrer organisation registered: a webhook that
 * fails is retried later by the {@link WebhookDispatcher} and never holds up triage. Over 300 lines: one message per
 * kind of news (accepted, allocated, declined, closed, outcome), each written in words for the referrer.
 */
@ApplicationScoped
public class ReferrerFeedback {

    private static final PrimaryCare PRIMARY_CARE = PrimaryCare.standard();

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Clock clock;

    private final AdvisoryLocks locks;

    public ReferrerFeedback(EntityManager entityManager, ObjectMapper json, Clock clock, AdvisoryLocks locks) {
        this.locks = locks;
        this.entityManager = entityManager;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Accepted, and where the case went: sent when caseload-service says (case.assigned or case.waitlisted), not at
     * triage, so that the referrer hears once whether the person has a link worker or is waiting, and for how long.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void accepted(Referral referral) {
        write(referral, "accepted", null, "Accepted by the social prescribing service. " + allocationText(referral),
                linkWorkerOf(referral), allocation(referral), null, null, null, null);
    }

    /** A waiting case reached a link worker, or its case went to another. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void allocated(Referral referral) {
        write(referral, "allocated", null, allocationText(referral), linkWorkerOf(referral), allocation(referral), null, null, null, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void declined(Referral referral) {
        // the person's own choice only: a referral declined as a duplicate, out of area or needing other care was not
        TriageDecision decision = referral.triage();
        boolean personsChoice = DeclineReason.PERSON_DECLINED.code().equals(decision.reason());
        write(referral, "declined", personsChoice ? FeedbackMessage.DECLINED : null,
                "Not accepted: " + declineText(decision.reason()) + ".", decision.shownName(), null, decision.reason(),
                null, null, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void redirected(Referral referral) {
        TriageDecision decision = referral.triage();
        write(referral, "redirected", null, "Passed on to " + decision.redirectedTo() + ", which can better help with what the person needs.",
                decision.shownName(), null, null, decision.redirectedTo(), null, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void closed(Referral referral, CaseClosed closed) {
        List<FeedbackMessage.Activity> activities = closed.activitiesConnected() == null ? List.of()
                : closed.activitiesConnected().stream()
                        .map(a -> new FeedbackMessage.Activity(a.serviceId(), a.name(), a.status())).toList();
        serialiseOn(closed.caseId());
        boolean shareOutcome = Consents.holds(entityManager, referral.id(), ConsentPurpose.SHARE_OUTCOME_WITH_REFERRER, clock.instant());
        List<FeedbackMessage.OutcomeChange> changes = shareOutcome ? outcomeChanges(closed.caseId()) : null;
        String text = "Support ended (" + closed.reason().replace('-', ' ') + ") after " + closed.sessionsCompleted()
                + (closed.sessionsCompleted() == 1 ? " session." : " sessions.") + (closed.summary() == null ? "" : " " + closed.summary());
        // the person declining further support is the one closure a concept is confirmed for
        write(referral, "closed", "declined-further-support".equals(closed.reason()) ? FeedbackMessage.DECLINED : null, text,
                linkWorkerOf(referral), null, null, null, new FeedbackMessage.Closure(closed.reason(), closed.sessionsCompleted(), activities,
                        closed.summary(), closed.nextSteps(), shareOutcome, changes), null);
    }

    /** A message about no referral, to try a webhook: written for the organisation, and queued for that one webhook only. */
    @Transactional(Transactional.TxType.MANDATORY)
    public FeedbackMessage test(String organisation, UUID webhookId) {
        Instant now = clock.instant();
        FeedbackMessage message = new FeedbackMessage(UUID.randomUUID(), null, "test", null, null, now,
                "A test message from the social prescribing service: your system received it and checked its signature.", null, null, null,
                null, null, null, null);
        entityManager.persist(new ReferrerMessage(message.messageId(), null, organisation, "test", serialise(message), now));
        entityManager.persist(new WebhookDelivery(UUID.randomUUID(), message.messageId(), webhookId, now));
        return message;
    }

    private static String allocationText(Referral referral) {
        Allocation allocation = referral.allocation();
        if (allocation == null) {
            return "A link worker will be allocated.";
        }
        if (allocation.isAssigned()) {
            return allocation.linkWorkerName() + ", link worker, will contact the person to talk about what matters to them.";
        }
        Long days = allocation.forecastDays();
        return "The person is on the waiting list for a link worker"
                + (days == null ? "; we will tell you when they have one."
                        : "; the wait is forecast at about " + days + (days == 1 ? " day" : " days")
                                + " from recent weeks, and we will tell you when they have one.");
    }

    private static FeedbackMessage.Allocation allocation(Referral referral) {
        Allocation allocation = referral.allocation();
        if (allocation == null) {
            return null;
        }
        return new FeedbackMessage.Allocation(allocation.isAssigned() ? "allocated" : "waiting", allocation.linkWorkerName(),
                allocation.forecastDays());
    }

    private static String linkWorkerOf(Referral referral) {
        return referral.allocation() == null ? null : referral.allocation().linkWorkerName();
    }

    static String declineText(String reason) {
        if (reason == null) {
            return "see the reason given";
        }
        return switch (reason) {
            case "not-eligible" -> "the person is not eligible for this service";
            case "needs-clinical-care" -> "the person needs clinical care first";
            case "person-declined" -> "the person declined social prescribing";
            case "unable-to-contact" -> "we could not contact the person";
            case "outside-area" -> "the person lives outside the area this service covers";
            case "duplicate" -> "it duplicates another referral for the person";
            default -> "for another reason (" + reason + ")";
        };
    }

    /**
     * An outcome measure recorded for a case, kept for the closing message. Outcome and caseload events travel on
     * different topics, so a follow-up can arrive after the case closed: if it completes a before-and-after pair of a
     * closed referral whose person agreed to share, the referrer gets an outcome-update message.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void outcomeRecorded(OutcomeRecorded outcome) {
        // ONS4 has no single score: ONS reports its four items apart, and so does the message (ONS4.anxiety, ...)
        Map<String, BigDecimal> scales = new LinkedHashMap<>();
        if (outcome.score() != null) {
            scales.put(outcome.instrument(), outcome.score());
        } else if ("ONS4".equals(outcome.instrument()) && outcome.scores() != null) {
            outcome.scores().forEach((item, value) -> scales.put("ONS4." + item, BigDecimal.valueOf(value)));
        }
        if (scales.isEmpty()) {
            return;
        }
        serialiseOn(outcome.caseId());
        LocalDate completed = outcome.completedOn() != null ? outcome.completedOn()
                : LocalDate.ofInstant(outcome.recordedAt(), Clocks.ENGLAND);
        int stored = 0;
        for (Map.Entry<String, BigDecimal> scale : scales.entrySet()) {
            stored += entityManager.createNativeQuery("""
                    insert into case_outcome (measurement_id, case_id, instrument, timepoint, score, recorded_at, completed_on)
                    values (:id, :case, :instrument, :timepoint, :score, :at, :completed) on conflict do nothing""")
                    .setParameter("id", outcome.measurementId())
                    .setParameter("case", outcome.caseId())
                    .setParameter("instrument", scale.getKey())
                    .setParameter("timepoint", outcome.timepoint())
                    .setParameter("score", scale.getValue())
                    .setParameter("at", Timestamp.from(outcome.recordedAt()))
                    .setParameter("completed", completed)
                    .executeUpdate();
        }
        if (stored == 0 || "baseline".equals(outcome.timepoint())) {
            return;
        }
        List<Referral> closed = entityManager.createQuery("from Referral r where r.caseId = :case and r.status = :closed", Referral.class)
                .setParameter("case", outcome.caseId()).setParameter("closed", ReferralStatus.CLOSED).getResultList();
        for (Referral referral : closed) {
            if (!Consents.holds(entityManager, referral.id(), ConsentPurpose.SHARE_OUTCOME_WITH_REFERRER, clock.instant())) {
                continue;
            }
            List<FeedbackMessage.OutcomeChange> changes = outcomeChanges(outcome.caseId()).stream()
                    .filter(c -> scales.containsKey(c.instrument())).toList();
            if (!changes.isEmpty()) {
                write(referral, "outcome-update", null, "A follow-up outcome measure was completed after the person's support ended.",
                        linkWorkerOf(referral), null, null, null, null, changes);
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
        locks.exclusive("referral.feedback-of-case", caseId);
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

    /** Per scale: the first baseline and the latest follow-up or exit measure (by the day completed), when both were recorded. */
    List<FeedbackMessage.OutcomeChange> outcomeChanges(UUID caseId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                select instrument, timepoint, score, completed_on from case_outcome where case_id = :case
                order by completed_on, recorded_at, measurement_id""", Tuple.class)
                .setParameter("case", caseId).getResultList();
        Map<String, Tuple> baseline = new LinkedHashMap<>();
        Map<String, Tuple> followUp = new LinkedHashMap<>();
        for (Tuple row : rows) {
            String instrument = (String) row.get(0);
            if ("baseline".equals(row.get(1))) {
                baseline.putIfAbsent(instrument, row);
            } else {
                followUp.put(instrument, row);
            }
        }
        List<FeedbackMessage.OutcomeChange> changes = new ArrayList<>();
        baseline.forEach((instrument, first) -> {
            Tuple last = followUp.get(instrument);
            if (last != null) {
                BigDecimal before = (BigDecimal) first.get(2);
                BigDecimal after = (BigDecimal) last.get(2);
                BigDecimal change = after.subtract(before);
                boolean lowerIsBetter = "UCLA3".equals(instrument) || "ONS4.anxiety".equals(instrument);
                int sign = change.signum() * (lowerIsBetter ? -1 : 1);
                changes.add(new FeedbackMessage.OutcomeChange(instrument, before, day(first.get(3)), after, day(last.get(3)), change,
                        lowerIsBetter ? "lower" : "higher", sign > 0 ? "better" : sign < 0 ? "worse" : "unchanged"));
            }
        });
        // in the order a reader expects: wellbeing, loneliness, then ONS4's four as ONS lists them
        changes.sort(Comparator.comparingInt(c -> SCALE_ORDER.indexOf(c.instrument()) < 0 ? SCALE_ORDER.size()
                : SCALE_ORDER.indexOf(c.instrument())));
        return changes;
    }

    static final List<String> SCALE_ORDER = List.of("SWEMWBS", "WEMWBS", "UCLA3", "ONS4.life_satisfaction", "ONS4.worthwhile", "ONS4.happiness",
            "ONS4.anxiety");

    private static LocalDate day(Object value) {
        return value == null ? null : value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private void write(Referral referral, String kind, FeedbackMessage.Coding recordAs, String text, String linkWorker,
            FeedbackMessage.Allocation allocation, String declineReason, String redirectedTo, FeedbackMessage.Closure closure,
            List<FeedbackMessage.OutcomeChange> outcomeChanges) {
        Instant now = clock.instant();
        FeedbackMessage message = new FeedbackMessage(UUID.randomUUID(), referral.id(), kind, referral.status().name(), recordAs, now, text,
                linkWorker, contact(referral), allocation, declineReason, redirectedTo, closure, outcomeChanges);
        String organisation = referral.referrer().organisation();
        entityManager.persist(new ReferrerMessage(message.messageId(), referral.id(), organisation, kind, serialise(message), now));
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

    /** How to reach the social prescribing service of the referral's network. */
    private static FeedbackMessage.ServiceContact contact(Referral referral) {
        return PRIMARY_CARE.network(referral.pcnCode()).map(PrimaryCare.Network::service)
                .map(s -> new FeedbackMessage.ServiceContact(s.name(), s.phone(), s.email())).orElse(null);
    }

    private String serialise(FeedbackMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

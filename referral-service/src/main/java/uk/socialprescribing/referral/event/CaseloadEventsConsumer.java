package uk.socialprescribing.referral.event;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.annotations.Blocking;
import uk.socialprescribing.events.caseload.CaseAssigned;
import uk.socialprescribing.events.caseload.CaseClosed;
import uk.socialprescribing.events.caseload.CaseOpened;
import uk.socialprescribing.events.caseload.CaseWaitlisted;
import uk.socialprescribing.messaging.inbox.Inbox;
import uk.socialprescribing.messaging.inbox.ReceivedEvent;
import uk.socialprescribing.referral.feedback.ReferrerFeedback;
import uk.socialprescribing.referral.service.Triage;

/**
 * What closes the loop: caseload-service's case.opened, case.assigned and case.waitlisted say where the referral's
 * case went (the acceptance message waits for them); its case.closed closes the referral and sends the referrer its
 * closing message. Each event is handled once (the inbox row commits with the effect); what cannot be read goes to the
 * channel's dead-letter topic with the reason.
 */
@ApplicationScoped
public class CaseloadEventsConsumer {

    static final String HANDLER = "referral.caseload-events";
    private static final Logger LOG = Logger.getLogger(CaseloadEventsConsumer.class);

    private final Inbox inbox;
    private final Triage triage;
    private final ReferrerFeedback feedback;

    public CaseloadEventsConsumer(Inbox inbox, Triage triage, ReferrerFeedback feedback) {
        this.inbox = inbox;
        this.triage = triage;
        this.feedback = feedback;
    }

    @Incoming("caseload-events")
    @Blocking
    public void on(ConsumerRecord<String, byte[]> record) {
        inbox.handleOnce(HANDLER, record, event -> {
            // where the case went: the referral shows it, and the referrer hears of the acceptance with it
            event.dataAs(CaseOpened.class).ifPresent(opened -> {
                if (!triage.caseOpened(opened)) {
                    LOG.warnf("case.opened %s names referral %s, which is not here; ignored", event.id(), opened.referralId());
                }
            });
            event.dataAs(CaseAssigned.class).ifPresent(assigned -> {
                if (!triage.caseAssigned(assigned)) {
                    LOG.warnf("case.assigned %s is for case %s, whose referral is not known here; ignored", event.id(), assigned.caseId());
                }
            });
            event.dataAs(CaseWaitlisted.class).ifPresent(waiting -> {
                if (!triage.caseWaitlisted(waiting)) {
                    LOG.warnf("case.waitlisted %s is for case %s, whose referral is not known here; ignored", event.id(), waiting.caseId());
                }
            });
            closedBy(event);
        });
    }

    private void closedBy(ReceivedEvent event) {
        event.dataAs(CaseClosed.class).ifPresent(closed -> {
            if (!triage.closeAfterCase(closed)) {
                // a waiting case closes when its referral is withdrawn: expected, and nothing to tell the referrer
                if ("referral-withdrawn".equals(closed.reason())) {
                    LOG.debugf("case.closed %s for withdrawn referral %s", event.id(), closed.referralId());
                } else {
                    LOG.warnf("case.closed %s names referral %s, which is not an accepted referral here; ignored",
                            event.id(), closed.referralId());
                }
            }
        });
    }
}

package uk.socialprescribing.caseload.event;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import uk.socialprescribing.caseload.service.CaseChanges;
import uk.socialprescribing.caseload.service.CaseOpening;
import uk.socialprescribing.caseload.service.HeardConsents;
import uk.socialprescribing.events.referral.ConsentChanged;
import uk.socialprescribing.events.referral.ReferralAccepted;
import uk.socialprescribing.events.referral.ReferralWithdrawn;
import uk.socialprescribing.messaging.inbox.Inbox;

/**
 * Reads referral-events: an accepted referral opens a case; a referral withdrawn while its case waits leaves the
 * waiting list. Each event is handled once (see {@link Inbox});
 * what cannot be read goes to referral-events.caseload-service.dlq with the reason, and reading goes on.
 */
@ApplicationScoped
public class ReferralEventsConsumer {

    static final String HANDLER = "caseload.referral-events";

    private final Inbox inbox;
    private final CaseOpening caseOpening;
    private final CaseChanges caseWork;
    private final HeardConsents consents;

    public ReferralEventsConsumer(Inbox inbox, CaseOpening caseOpening, CaseChanges caseWork, HeardConsents consents) {
        this.consents = consents;
        this.inbox = inbox;
        this.caseOpening = caseOpening;
        this.caseWork = caseWork;
    }

    @Incoming("referral-events")
    @Blocking
    public void on(ConsumerRecord<String, byte[]> record) {
        inbox.handleOnce(HANDLER, record, event -> {
            event.dataAs(ReferralAccepted.class).ifPresent(caseOpening::openFor);
            event.dataAs(ReferralWithdrawn.class).ifPresent(caseWork::referralWithdrawn);
            event.dataAs(ConsentChanged.class).ifPresent(consents::heard);
        });
    }
}

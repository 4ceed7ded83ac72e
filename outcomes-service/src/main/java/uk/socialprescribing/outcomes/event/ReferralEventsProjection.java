package uk.socialprescribing.outcomes.event;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import uk.socialprescribing.events.referral.ReferralAccepted;
import uk.socialprescribing.events.referral.ReferralReceived;
import uk.socialprescribing.messaging.inbox.Inbox;
import uk.socialprescribing.outcomes.repository.ReferralActivity;

/** Counts referrals received and accepted, once per event (see {@link Inbox}). */
@ApplicationScoped
public class ReferralEventsProjection {

    static final String HANDLER = "outcomes.referral-activity";

    private final Inbox inbox;
    private final ReferralActivity activity;

    public ReferralEventsProjection(Inbox inbox, ReferralActivity activity) {
        this.inbox = inbox;
        this.activity = activity;
    }

    @Incoming("referral-events")
    @Blocking
    public void on(ConsumerRecord<String, byte[]> record) {
        inbox.handleOnce(HANDLER, record, event -> {
            event.dataAs(ReferralReceived.class).ifPresent(received -> activity.countReceived(received.receivedAt()));
            event.dataAs(ReferralAccepted.class).ifPresent(accepted -> activity.countAccepted(accepted.acceptedAt()));
        });
    }
}

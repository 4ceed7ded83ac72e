package uk.socialprescribing.referral.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import uk.socialprescribing.events.referral.ReferralAccepted;
import uk.socialprescribing.events.referral.ReferralReceived;
import uk.socialprescribing.messaging.outbox.Outbox;
import uk.socialprescribing.referral.domain.Person;
import uk.socialprescribing.referral.domain.Referral;
import uk.socialprescribing.referral.repository.PersonalDataReads;
import uk.socialprescribing.referral.repository.ReferralRepository;

/** Receiving referrals and triaging them; each change and its event commit together. */
@ApplicationScoped
public class Triage {

    private final ReferralRepository referrals;
    private final PersonalDataReads reads;
    private final Outbox outbox;
    private final Clock clock = Clock.systemUTC();

    public Triage(ReferralRepository referrals, PersonalDataReads reads, Outbox outbox) {
        this.referrals = referrals;
        this.reads = reads;
        this.outbox = outbox;
    }

    @Transactional
    public Referral receiveFromGpPractice(String practiceOdsCode, Person person, String reason) {
        Referral referral = Referral.fromGpPractice(practiceOdsCode, person, reason, now());
        referrals.persist(referral);
        outbox.record(new ReferralReceived(referral.id(), referral.referrerType(), referral.referrerOdsCode(),
                referral.receivedAt()));
        return referral;
    }

    @Transactional
    public Referral accept(UUID referralId, String triagedBy) {
        Referral referral = referrals.findByIdOptional(referralId).orElseThrow(() -> new ReferralNotFoundException(referralId));
        referral.accept(triagedBy, now());
        outbox.record(new ReferralAccepted(referral.id(), referral.practiceOdsCode(), referral.triagedAt()));
        return referral;
    }

    /**
     * A referral with the person's details, for a reader allowed to see it; the read is audited.
     * A referrer sees only its own referrals ({@code referrerOdsCode} non-null restricts to them).
     */
    @Transactional
    public Referral read(UUID referralId, String readBy, String referrerOdsCode) {
        Referral referral = referrals.findByIdOptional(referralId)
                .filter(r -> referrerOdsCode == null || r.wasReferredBy(referrerOdsCode))
                .orElseThrow(() -> new ReferralNotFoundException(referralId));
        reads.record(referralId, readBy, referrerOdsCode == null ? "triage" : "referrer-follow-up", now());
        return referral;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}

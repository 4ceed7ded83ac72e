package uk.socialprescribing.referral.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import uk.socialprescribing.conventions.Clocks;
import uk.socialprescribing.conventions.InvalidInput;
import uk.socialprescribing.messaging.AdvisoryLocks;
import uk.socialprescribing.reference.PrimaryCare;
import uk.socialprescribing.referral.config.ReferralConfig;
import uk.socialprescribing.referral.domain.Person;
import uk.socialprescribing.referral.domain.Needs;
import uk.socialprescribing.referral.domain.Referral;
import uk.socialprescribing.referral.domain.Referrer;
import uk.socialprescribing.referral.domain.TriageDeadline;
import uk.socialprescribing.referral.event.ReferralEvents;
import uk.socialprescribing.referral.repository.ReferralRepository;

/**
 * Receiving referrals from every route: the person's practice decides the primary care network whose link workers
 * triage it (or, without a practice, their postcode); the triage deadline is set; an open referral for the same
 * NHS number is flagged on both. The referral and its referral.received event commit together.
 */
@ApplicationScoped
public class ReferralIntake {

    private static final Logger LOG = Logger.getLogger(ReferralIntake.class);

    private final ReferralRepository referrals;
    private final ReferralEvents events;
    private final EntityManager entityManager;
    private final TriageDeadline deadline;
    private final PrimaryCare primaryCare = PrimaryCare.standard();
    private final Clock clock;

    private final AdvisoryLocks locks;
    private final Consents consents;

    public ReferralIntake(ReferralRepository referrals, ReferralEvents events, EntityManager entityManager, ReferralConfig config,
            Clock clock, AdvisoryLocks locks, Consents consents) {
        this.locks = locks;
        this.consents = consents;
        this.referrals = referrals;
        this.events = events;
        this.entityManager = entityManager;
        this.deadline = new TriageDeadline(config.triage().workingDays(), config.triage().bankHolidays());
        this.clock = clock;
    }

    /**
     * @param practiceOdsCode the person's GP practice, if known; {@code practiceField} names where it came from,
     *            for the error when it is not a practice this service covers
     */
    @Transactional
    public Referral receive(Referrer referrer, Person person, String practiceOdsCode, String practiceField,
            String postcodeField, Needs needs) {
        return receive(referrer, person, practiceOdsCode, practiceField, postcodeField, needs,
                clock.instant());
    }

    /** Received at a time of the caller's: the demo data's referrals, which arrived in the past. */
    @Transactional
    Referral receive(Referrer referrer, Person person, String practiceOdsCode, String practiceField,
            String postcodeField, Needs needs, Instant now) {
        String practice = null;
        String pcn;
        if (practiceOdsCode != null) {
            PrimaryCare.Practice known = primaryCare.practice(practiceOdsCode).orElseThrow(() -> new InvalidInput(practiceField, "ServedPractice", "is not a GP practice this service covers"));
            practice = known.odsCode();
            pcn = known.pcnCode();
        } else {
            pcn = primaryCare.networkCovering(person.postcode()).map(PrimaryCare.Network::code)
                    .orElseThrow(() -> new InvalidInput(postcodeField, "ServedArea",
                            person.postcode() == null ? "is required when no GP practice is named"
                                    : "is outside the area this service covers; name the person's GP practice instead"));
        }
        LocalDate today = LocalDate.ofInstant(now, Clocks.ENGLAND);
        Referral referral = Referral.receive(referrer, person, practice, pcn, needs, now, deadline.dueBy(today));
        // before it is stored: stored first and flagged after, its version moved on at commit, and the ETag it was
        // answered with was already stale (a client's accept with it was a 412)
        flagDuplicates(referral);
        referrals.persist(referral);
        events.received(referral);
        consents.atIntake(referral);
        // the referral's id and its kind of referrer only: never anything of the person
        LOG.infof("Referral %s received from a %s referrer for practice %s", referral.id(), referrer.kind().code(), practice);
        return referral;
    }

    /**
     * The person's other open referrals, flagged both ways (never merged): by NHS number, or without one by name, date
     * of birth and postcode. Two referrals for one person arriving together serialise on a lock of what identifies
     * them, so each sees the other.
     */
    private void flagDuplicates(Referral referral) {
        Person person = referral.person();
        String key = person.nhsNumber() != null ? person.nhsNumber()
                : person.postcode() == null ? null
                        : (person.givenName() + "|" + person.familyName() + "|" + person.dateOfBirth() + "|" + person.postcode().replace(" ", ""))
                                .toLowerCase(Locale.ROOT);
        if (key == null) {
            return; // no NHS number and no postcode: nothing to know the person again by
        }
        locks.exclusive("referral.person", key);
        List<Referral> open = person.nhsNumber() != null ? referrals.openFor(person.nhsNumber(), referral.id())
                : referrals.openForNamed(person.givenName(), person.familyName(), person.dateOfBirth(), person.postcode(), referral.id());
        for (Referral other : open) {
            other.flagPossibleDuplicateOf(referral.id());
            referral.flagPossibleDuplicateOf(other.id());
        }
    }
}

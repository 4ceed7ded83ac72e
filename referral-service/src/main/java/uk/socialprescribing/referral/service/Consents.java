package uk.socialprescribing.referral.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import uk.socialprescribing.audit.PersonalDataReads;
import uk.socialprescribing.conventions.Clocks;
import uk.socialprescribing.conventions.InvalidInput;
import uk.socialprescribing.conventions.Problem;
import uk.socialprescribing.conventions.StaleVersionException;
import uk.socialprescribing.referral.domain.ConsentPurpose;
import uk.socialprescribing.referral.domain.ConsentRecord;
import uk.socialprescribing.referral.domain.ConsentStatus;
import uk.socialprescribing.referral.domain.Referral;
import uk.socialprescribing.referral.event.ReferralEvents;
import uk.socialprescribing.referral.repository.ReferralRepository;

/**
 * The person's consents for a referral, per purpose, with every change kept. Read and changed by those who may see the
 * referral (each read audited); each change emits consent.changed with every purpose's status, so that other services
 * honour it; and asked by the code that would use the person's data for a purpose ({@link #holds}), at that moment.
 */
@ApplicationScoped
public class Consents {

    /** A referral's consents: the newest record of each purpose, every record newest first, and the version (ETag). */
    public record State(UUID referralId, long version, Map<ConsentPurpose, ConsentRecord> current, List<ConsentRecord> history,
            LocalDate today) {
    }

    /** A change asked for: one purpose's new status and what goes with it. */
    public record Change(ConsentPurpose purpose, ConsentStatus status, LocalDate reviewBy, String notSoughtReason,
            String bestInterestsDecidedBy, LocalDate bestInterestsDecidedOn, String note) {
    }

    private final EntityManager entityManager;
    private final ReferralRepository referrals;
    private final Triage triage;
    private final PersonalDataReads reads;
    private final ReferralEvents events;
    private final Clock clock;

    public Consents(EntityManager entityManager, ReferralRepository referrals, Triage triage, PersonalDataReads reads, ReferralEvents events,
            Clock clock) {
        this.entityManager = entityManager;
        this.referrals = referrals;
        this.triage = triage;
        this.reads = reads;
        this.events = events;
        this.clock = clock;
    }

    /** The referral's consents, for a viewer who may see the referral; the read is audited. */
    @Transactional
    public State read(UUID referralId, Viewer viewer) {
        triage.visible(referralId, viewer);
        reads.record(referralId, viewer.principal(), "consents");
        return state(referralId);
    }

    /**
     * Records the changes that change something (one repeating where a purpose stands is not recorded again), at the
     * version the caller read; emits consent.changed when anything changed.
     */
    @Transactional
    public State change(UUID referralId, long expectedVersion, List<Change> changes, Viewer viewer) {
        Referral referral = referrals.findForUpdate(referralId).filter(r -> Triage.maySee(viewer, r))
                .orElseThrow(() -> new ReferralNotFoundException(referralId));
        State before = state(referralId);
        if (before.version() != expectedVersion) {
            throw new StaleVersionException("The referral's consents changed since you read them; read them again", before.version());
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Clocks.ENGLAND);
        check(changes, today);
        Map<ConsentPurpose, ConsentRecord> current = new EnumMap<>(before.current());
        boolean changed = false;
        for (Change change : changes) {
            ConsentRecord record = new ConsentRecord(referralId, change.purpose(), change.status(), change.reviewBy(), change.notSoughtReason(),
                    change.bestInterestsDecidedBy(), change.bestInterestsDecidedOn(), change.note(), viewer.principal(), now);
            if (!record.sameAs(current.get(change.purpose()))) {
                entityManager.persist(record);
                current.put(change.purpose(), record);
                changed = true;
                if (change.purpose() == ConsentPurpose.SHARE_OUTCOME_WITH_REFERRER) {
                    referral.consentToShareOutcome(change.status() == ConsentStatus.GIVEN);
                }
            }
        }
        if (changed) {
            entityManager.flush();
            events.consentChanged(referralId, current.values(), now);
        }
        reads.record(referralId, viewer.principal(), "consents");
        return state(referralId);
    }

    /** What a referral says at intake: agreement to the referral, and to share the outcome with the referrer when given. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void atIntake(Referral referral) {
        String by = referral.referrer().organisation() != null ? referral.referrer().organisation() : referral.referrer().kind().code();
        List<ConsentRecord> records = new ArrayList<>();
        records.add(new ConsentRecord(referral.id(), ConsentPurpose.REFERRAL, ConsentStatus.GIVEN, null, null, null, null, null, by,
                referral.receivedAt()));
        if (referral.needs().consentToShareOutcome()) {
            records.add(new ConsentRecord(referral.id(), ConsentPurpose.SHARE_OUTCOME_WITH_REFERRER, ConsentStatus.GIVEN, null, null, null,
                    null, null, by, referral.receivedAt()));
        }
        records.forEach(entityManager::persist);
        events.consentChanged(referral.id(), records, referral.receivedAt());
    }

    /**
     * Whether the person's consent for this purpose holds at this moment: given, and not past its review date. Static,
     * for the code that uses the data (the messages back to the referrer) without depending on this bean.
     */
    public static boolean holds(EntityManager entityManager, UUID referralId, ConsentPurpose purpose, Instant at) {
        List<ConsentRecord> newest = entityManager.createQuery("from ConsentRecord c where c.referralId = :id and c.purpose = :purpose"
                + " order by c.id desc", ConsentRecord.class).setParameter("id", referralId).setParameter("purpose", purpose)
                .setMaxResults(1).getResultList();
        return !newest.isEmpty() && newest.get(0).holdsOn(LocalDate.ofInstant(at, Clocks.ENGLAND));
    }

    private State state(UUID referralId) {
        List<ConsentRecord> history = entityManager.createQuery("from ConsentRecord c where c.referralId = :id order by c.id desc",
                ConsentRecord.class).setParameter("id", referralId).getResultList();
        Map<ConsentPurpose, ConsentRecord> current = new EnumMap<>(ConsentPurpose.class);
        for (ConsentRecord record : history) {
            current.putIfAbsent(record.purpose(), record);
        }
        return new State(referralId, history.size(), current, history, LocalDate.ofInstant(clock.instant(), Clocks.ENGLAND));
    }

    /** The rules a change must keep, each problem naming its field (changes[i].field). */
    static void check(List<Change> changes, LocalDate today) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<ConsentPurpose> seen = EnumSet.noneOf(ConsentPurpose.class);
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            String at = "changes[" + i + "].";
            if (!seen.add(change.purpose())) {
                errors.add(new Problem.FieldError(at + "purpose", "OncePerChange",
                        "names a purpose already changed in this request"));
            }
            if (change.status() == ConsentStatus.NOT_SOUGHT && change.notSoughtReason() == null) {
                errors.add(new Problem.FieldError(at + "notSoughtReason", "RequiredWhenNotSought",
                        "is required when consent was not sought: say why (for example, the person lacks capacity to decide)"));
            }
            if (change.status() != ConsentStatus.NOT_SOUGHT && change.notSoughtReason() != null) {
                errors.add(new Problem.FieldError(at + "notSoughtReason", "OnlyWhenNotSought",
                        "is only for consent that was not sought"));
            }
            boolean bestInterests = change.bestInterestsDecidedBy() != null || change.bestInterestsDecidedOn() != null;
            if (bestInterests && (change.status() != ConsentStatus.NOT_SOUGHT || change.purpose() != ConsentPurpose.REFERRAL)) {
                errors.add(new Problem.FieldError(at + "bestInterestsDecidedBy", "OnlyForReferralNotSought",
                        "a best-interests decision is recorded for the referral, when the person could not be asked"));
            } else if (bestInterests && (change.bestInterestsDecidedBy() == null || change.bestInterestsDecidedOn() == null)) {
                errors.add(new Problem.FieldError(
                        at + (change.bestInterestsDecidedBy() == null ? "bestInterestsDecidedBy" : "bestInterestsDecidedOn"), "BothOrNeither",
                        "a best-interests decision needs who made it and when"));
            }
            if (change.bestInterestsDecidedOn() != null && change.bestInterestsDecidedOn().isAfter(today)) {
                errors.add(new Problem.FieldError(at + "bestInterestsDecidedOn", "NotInFuture",
                        "must not be after today"));
            }
            if (change.reviewBy() != null && change.status() != ConsentStatus.GIVEN) {
                errors.add(new Problem.FieldError(at + "reviewBy", "OnlyWhenGiven",
                        "a review date is for consent that was given"));
            } else if (change.reviewBy() != null && change.reviewBy().isBefore(today)) {
                errors.add(new Problem.FieldError(at + "reviewBy", "NotInPast",
                        "must be today or later: consent past its review date counts as not given"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput("The consents are not valid: each problem is named", errors);
        }
    }
}

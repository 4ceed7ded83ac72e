package uk.socialprescribing.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import uk.socialprescribing.reference.NhsNumber;

/** The referral's moves, without a database: each guards the status it starts from. */
class ReferralTest {

    static final Instant RECEIVED = Instant.parse("2026-11-02T09:00:00Z");

    static Referral received() {
        Person person = new Person(NhsNumber.parse("9434765919"), "Richard", "Smith", LocalDate.of(1948, 3, 12),
                new Person.Address("1 High Street", null, "Harrogate", "HG2 0NA"), null, null, null, "en", false, null);
        Needs needs = new Needs(List.of(ReasonCode.values()[0]), null, "Lonely since bereavement", List.of(), null, true,
                Urgency.ROUTINE);
        return Referral.receive(Referrer.nhsOrganisation(ReferrerKind.GP_PRACTICE, "B82005",
                new Referrer.Professional("Dr Asha Patel", "GP", null, null)), person, "B82005", "U84002", needs, RECEIVED,
                LocalDate.of(2026, 11, 9));
    }

    @Test
    void aReceivedReferralIsAcceptedOnceAndThenClosesAfterItsCase() {
        Referral referral = received();
        assertEquals(ReferralStatus.RECEIVED, referral.status());
        referral.accept("amara.okafor", RECEIVED.plusSeconds(3600));
        assertEquals(ReferralStatus.ACCEPTED, referral.status());
        assertEquals("amara.okafor", referral.triage().by());
        IllegalTransitionException again = assertThrows(IllegalTransitionException.class, () -> referral.accept("someone", RECEIVED));
        assertEquals(ReferralStatus.ACCEPTED, again.current());
        assertThrows(IllegalTransitionException.class, () -> referral.decline("someone", DeclineReason.NOT_ELIGIBLE, null, RECEIVED));
        referral.closeAfterCase(UUID.randomUUID(), "goals-met", RECEIVED.plusSeconds(86_400 * 60));
        assertEquals(ReferralStatus.CLOSED, referral.status());
        assertFalse(referral.status().isOpen());
    }

    @Test
    void onlyAReceivedReferralIsDeclinedOrRedirected() {
        Referral declined = received();
        declined.decline("amara.okafor", DeclineReason.PERSON_DECLINED, "Prefers not to", RECEIVED);
        assertEquals(ReferralStatus.DECLINED, declined.status());
        assertThrows(IllegalTransitionException.class, () -> declined.redirect("x", "Talking Therapies", "mental-health", null, RECEIVED));
        assertThrows(IllegalTransitionException.class, () -> declined.accept("x", RECEIVED));

        Referral redirected = received();
        redirected.redirect("amara.okafor", "Talking Therapies", "mental-health", null, RECEIVED);
        assertEquals(ReferralStatus.REDIRECTED, redirected.status());
        assertThrows(IllegalTransitionException.class, () -> redirected.closeAfterCase(UUID.randomUUID(), "goals-met", RECEIVED));
    }

    @Test
    void aReferralIsWithdrawnWhileOpenButNotOnceClosed() {
        Referral received = received();
        received.withdraw("B82005", WithdrawalReason.REFERRED_IN_ERROR, null, RECEIVED);
        assertEquals(ReferralStatus.WITHDRAWN, received.status());

        Referral accepted = received();
        accepted.accept("amara.okafor", RECEIVED);
        accepted.withdraw("B82005", WithdrawalReason.PERSON_CHANGED_MIND, null, RECEIVED);
        assertEquals(ReferralStatus.WITHDRAWN, accepted.status());

        Referral closed = received();
        closed.accept("amara.okafor", RECEIVED);
        closed.closeAfterCase(UUID.randomUUID(), "goals-met", RECEIVED);
        assertThrows(IllegalTransitionException.class, () -> closed.withdraw("B82005", WithdrawalReason.NEEDS_CHANGED, null, RECEIVED));
    }

    @Test
    void aHealthReferrerMustGiveTheNhsNumber() {
        Person nobody = new Person(null, "Richard", "Smith", LocalDate.of(1948, 3, 12), null, null, null, null, "en", false, null);
        Needs needs = new Needs(List.of(ReasonCode.values()[0]), null, "x", List.of(), null, false, Urgency.ROUTINE);
        assertThrows(IllegalArgumentException.class, () -> Referral.receive(Referrer.nhsOrganisation(ReferrerKind.GP_PRACTICE, "B82005",
                new Referrer.Professional("Dr Asha Patel", "GP", null, null)), nobody, "B82005", "U84002", needs, RECEIVED, LocalDate.of(2026, 11, 9)));
        Referral fromHousing = Referral.receive(Referrer.agency(ReferrerKind.HOUSING, UUID.randomUUID().toString(),
                new Referrer.Professional("Sam", "Housing officer", null, null)), nobody, null, "U84002", needs, RECEIVED, LocalDate.of(2026, 11, 9));
        assertEquals(ReferralStatus.RECEIVED, fromHousing.status());
    }

    @Test
    void overdueIsAReceivedReferralPastItsTriageDate() {
        Referral referral = received();
        assertFalse(referral.isOverdue(LocalDate.of(2026, 11, 9)));
        assertTrue(referral.isOverdue(LocalDate.of(2026, 11, 10)));
        referral.accept("amara.okafor", RECEIVED);
        assertFalse(referral.isOverdue(LocalDate.of(2026, 12, 25)));
    }
}

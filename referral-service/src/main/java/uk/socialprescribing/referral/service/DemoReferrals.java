package uk.socialprescribing.referral.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import uk.socialprescribing.events.caseload.CaseClosed;
import uk.socialprescribing.referral.config.ReferralConfig;
import uk.socialprescribing.referral.domain.ContactMethod;
import uk.socialprescribing.referral.domain.DeclineReason;
import uk.socialprescribing.reference.NhsNumber;
import uk.socialprescribing.referral.domain.Person;
import uk.socialprescribing.referral.domain.ReasonCode;
import uk.socialprescribing.referral.domain.Needs;
import uk.socialprescribing.referral.domain.Referral;
import uk.socialprescribing.referral.domain.Referrer;
import uk.socialprescribing.referral.domain.ReferrerKind;
import uk.socialprescribing.referral.domain.RiskFlag;
import uk.socialprescribing.referral.domain.Urgency;
import uk.socialprescribing.referral.domain.WithdrawalReason;
import uk.socialprescribing.referral.repository.ReferralRepository;

/**
 * Local demo data: on the first start of an empty service with {@code referral.demo-data.enabled=true}, four dozen
 * fictional referrals in every state across both demo PCNs, made through the same intake and triage code a real
 * referral takes, so their events flow to the other services. NHS numbers are from the 999 test range.
 */
@ApplicationScoped
public class DemoReferrals {

    private static final Logger LOG = Logger.getLogger(DemoReferrals.class);

    private static final String[][] PEOPLE = {
            { "Margaret", "Holroyd", "1941-02-17", "HG1 4DR" }, { "Dennis", "Ackroyd", "1950-09-03", "HG2 7LS" },
            { "Aisha", "Rahman", "1987-11-21", "HG1 3BP" }, { "Tomasz", "Nowak", "1979-05-30", "HG2 9AQ" },
            { "Jean", "Whitaker", "1938-12-08", "HG1 5NF" }, { "Kyle", "Barraclough", "2001-04-14", "HG2 0HH" },
            { "Pauline", "Grayson", "1956-07-25", "HG1 2RT" }, { "Samuel", "Okonjo", "1968-03-02", "HG2 8EZ" },
            { "Brenda", "Thistlethwaite", "1945-10-19", "HG1 1SW" }, { "Liam", "Harrison", "1995-01-27", "HG2 7QB" },
            { "Fatima", "Begum", "1972-06-11", "HG1 4PL" }, { "George", "Pickles", "1939-08-30", "HG2 0DE" },
            { "Irene", "Sowerby", "1949-04-05", "HG5 8LB" }, { "Ravi", "Chandran", "1983-12-16", "HG5 0AX" },
            { "Doreen", "Metcalfe", "1944-09-22", "HG3 5RL" }, { "Callum", "Ward", "1999-02-09", "HG4 1HQ" },
            { "Elsie", "Bramley", "1936-11-01", "HG4 2BT" }, { "Piotr", "Zielinski", "1976-08-18", "HG5 9JD" } };

    /**
     * Days since each accepted demo referral arrived, in turn: caseload-service's demo histories fit themselves to
     * these (a case given weeks of sessions needs a referral older than its first session).
     */
    private static final int[] AGES_ACCEPTED = { 4, 12, 36, 72, 45, 20 };

    private static final String[] PRACTICES = { "B82005", "B82018", "B82026", "B82011", "B82033", "B82041" };

    record Demo(Referrer referrer, Person person, String practice, Needs needs) {
    }

    void onStart(@Observes StartupEvent start, ReferralConfig config, ReferralRepository referrals, ReferralIntake intake,
            Triage triage) {
        if (!config.demoData().enabled() || QuarkusTransaction.requiringNew().call(referrals::count) > 0) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int made = 0;
        int accepted = 0;
        for (int i = 0; i < 48; i++) {
            Demo demo = demo(i);
            // an accepted referral arrived days ago, so that the history caseload-service gives its case (sessions
            // weeks back) comes after it; one still awaiting triage arrived today, or 9 days ago when it is overdue
            boolean accepting = switch (i % 9) {
                case 1, 2, 6, 8 -> true;
                default -> false;
            };
            int age = accepting ? AGES_ACCEPTED[accepted++ % AGES_ACCEPTED.length] : i % 9 == 7 ? 9 : 0;
            Instant received = now.minus(Duration.ofDays(age));
            Referral referral = intake.receive(demo.referrer(), demo.person(), demo.practice(), "practice", "postcode", demo.needs(), received);
            UUID id = referral.id();
            String pcn = referral.pcnCode();
            Viewer linkWorker = Viewer.linkWorker(pcn.equals("U84002") ? "amara.okafor" : "dev.mistry", pcn);
            Instant triaged = age == 0 ? now : received.plus(Duration.ofDays(1));
            switch (i % 9) {
                case 1, 2, 8 -> triage.accept(id, 0, linkWorker, triaged);
                case 3 -> triage.decline(id, 0, linkWorker, DeclineReason.NEEDS_CLINICAL_CARE,
                        "Needs the community mental health team first; GP informed");
                case 4 -> triage.redirect(id, 0, linkWorker, "Harrogate Citizens Advice", "debt-advice", null);
                case 5 -> {
                    if (referral.referrer().organisation() != null) {
                        triage.withdraw(id, 0, Viewer.referrer("demo", referral.referrer().organisation()),
                                WithdrawalReason.PERSON_CHANGED_MIND, null);
                    }
                }
                case 6 -> {
                    triage.accept(id, 0, linkWorker, triaged);
                    QuarkusTransaction.requiringNew().run(() -> triage.closeAfterCase(new CaseClosed(UUID.randomUUID(), id,
                            "goals-met", 6, List.of(new CaseClosed.ActivityConnected(UUID.randomUUID(),
                                    "Valley Gardens walking group", "attending")), now)));
                }
                default -> {
                }
            }
            made++;
        }
        LOG.infof("Loaded %d demo referrals in every state", made);
    }

    static Demo demo(int i) {
        String[] p = PEOPLE[i % PEOPLE.length];
        String practice = PRACTICES[i % PRACTICES.length];
        boolean agency = i % 6 == 5;
        boolean self = i % 11 == 10;
        Referrer referrer = self ? Referrer.self()
                : agency ? Referrer.agency(ReferrerKind.HOUSING, "5a1f0c2e-7d4b-4c8e-9f10-2b3c4d5e6f70",
                        new Referrer.Professional("Karen Dale", "Tenancy support officer", "01423 555 0200", null))
                        : Referrer.nhsOrganisation(ReferrerKind.GP_PRACTICE, practice,
                                new Referrer.Professional("Dr Asha Patel", "GP", null, "asha.patel@nhs.net"));
        ReasonCode[] reasons = ReasonCode.values();
        List<ReasonCode> why = List.of(reasons[i % 10], reasons[(i + 3) % 10]);
        Person person = new Person(self || agency ? null : NhsNumber.parse(NhsNumber.test(i * 97)), p[0], p[1], LocalDate.parse(p[2]),
                new Person.Address((i + 2) + " Demo Street", null, "Harrogate", p[3]), "07700 900" + String.format("%03d", i),
                null, ContactMethod.PHONE, i % 5 == 3 ? "pl" : "en", i % 5 == 3, i % 4 == 0 ? "Uses a walking frame" : null);
        Needs needs = new Needs(why, null, "Would like to get out more and meet people",
                i % 8 == 2 ? List.of(RiskFlag.LONE_WORKING) : List.of(), null, i % 2 == 0, i % 7 == 0 ? Urgency.URGENT : Urgency.ROUTINE);
        return new Demo(referrer, person, self || agency ? null : practice, needs);
    }
}

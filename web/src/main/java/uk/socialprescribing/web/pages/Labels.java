package uk.socialprescribing.web.pages;

import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.qute.TemplateExtension;

/**
 * The platform's codes in the words a link worker reads. Each list is the codes the API takes (ApiContractTest checks
 * them against the gateway's document); an unknown code is shown as it is, never hidden. In templates:
 * {@code {label:flag(code)}}.
 */
@TemplateExtension(namespace = "label")
public final class Labels {

    public static final Map<String, String> FLAGS = ordered("first-contact-late", "First contact late", "missed-two-in-a-row",
            "Missed two sessions in a row", "follow-up-overdue", "Follow-up overdue", "session-unrecorded", "Session not recorded",
            "consent-review-due", "Consent to review");
    public static final Map<String, String> SESSION_KINDS = ordered("initial-conversation", "First conversation (what matters to you)",
            "follow-up", "Follow-up", "review", "Review", "final", "Final session");
    public static final Map<String, String> SESSION_MODES = ordered("face-to-face", "Face to face", "phone", "Phone", "video", "Video call",
            "home-visit", "Home visit");
    public static final Map<String, String> SESSION_OUTCOMES = ordered("attended", "Attended", "did-not-attend", "Did not attend",
            "cancelled", "Cancelled");
    public static final Map<String, String> DECLINE_REASONS = ordered("not-eligible", "Not eligible for social prescribing",
            "needs-clinical-care", "Needs clinical care first", "person-declined", "The person declined", "unable-to-contact",
            "Unable to contact the person", "outside-area", "Outside our area", "duplicate", "A duplicate of another referral", "other",
            "Another reason (say in the note)");
    public static final Map<String, String> CLOSURE_REASONS = ordered("goals-met", "Goals met", "disengaged", "Stopped engaging",
            "declined-further-support", "Declined further support", "moved-away", "Moved away", "referred-elsewhere", "Referred elsewhere",
            "died", "Died");
    public static final Map<String, String> RISK_FLAGS = ordered("safeguarding-adult", "Adult safeguarding concern", "safeguarding-child",
            "Child safeguarding concern", "risk-to-self", "Risk to self", "risk-to-others", "Risk to others", "domestic-abuse",
            "Domestic abuse", "lone-working", "Lone working risk");
    public static final Map<String, String> GOAL_PROGRESS = ordered("not-started", "Not started", "some-progress", "Some progress",
            "mostly-achieved", "Mostly achieved", "achieved", "Achieved", "no-longer-relevant", "No longer relevant");
    public static final Map<String, String> ACTION_OWNERS = ordered("person", "The person", "link-worker", "Link worker", "someone-else",
            "Someone else");
    public static final Map<String, String> CONNECTION_STATUSES = ordered("suggested", "Suggested", "referred", "Referred",
            "attending", "Attending", "completed", "Completed", "declined", "Declined", "dropped-out", "Dropped out");
    public static final Map<String, String> CONNECTION_REASONS = ordered("no-space", "No space", "nothing-suitable-nearby",
            "Nothing suitable nearby", "person-declined", "The person declined", "not-eligible", "Not eligible", "cost", "Cost",
            "travel-or-access", "Travel or access", "timing", "Timing", "service-withdrawn", "The service was withdrawn", "other",
            "Another reason (say in the note)");
    public static final Map<String, String> REFERRER_KINDS = ordered("gp-practice", "GP practice", "pharmacy", "Pharmacy",
            "hospital", "Hospital discharge team", "social-care", "Social care", "housing", "Housing", "police", "Police", "job-centre",
            "Jobcentre", "vcse", "Voluntary or community organisation", "self", "Self-referral");
    public static final Map<String, String> REASONS = ordered("loneliness-or-isolation", "Loneliness or social isolation",
            "low-mood-anxiety-or-stress", "Low mood, anxiety or stress", "long-term-condition-support", "Support with a long-term condition",
            "physical-inactivity", "Physical inactivity", "weight-or-healthy-eating", "Weight management or healthy eating",
            "financial-or-debt", "Financial worries or debt", "housing", "Housing", "bereavement", "Bereavement", "carer-support",
            "Support as a carer", "employment-or-volunteering", "Employment or volunteering", "other", "Other");
    public static final Map<String, String> REFERRAL_STATUSES = ordered("RECEIVED", "Waiting for triage", "ACCEPTED", "Accepted",
            "DECLINED", "Declined", "REDIRECTED", "Redirected", "WITHDRAWN", "Withdrawn", "CLOSED", "Closed");

    public static final Map<String, String> TIMEPOINTS = ordered("baseline", "Baseline, at the start of support", "follow-up",
            "Follow-up, during support", "exit", "Exit, as support ends");

    /** The questionnaires the outcomes API scores (Questionnaires holds their items). */
    public static final Map<String, String> INSTRUMENTS = ordered("SWEMWBS", "SWEMWBS", "ONS4", "ONS4", "UCLA3", "UCLA3", "WEMWBS", "WEMWBS");

    public static final Map<String, String> WORKING_DAYS = ordered("mon", "Monday", "tue", "Tuesday", "wed", "Wednesday", "thu", "Thursday",
            "fri", "Friday", "sat", "Saturday", "sun", "Sunday");

    private Labels() {
    }

    /** The flags in the order the caseload lists them. */
    public static java.util.Collection<Map.Entry<String, String>> flags() {
        return FLAGS.entrySet();
    }

    public static String flag(String code) {
        return FLAGS.getOrDefault(code, code);
    }

    public static String sessionKind(String code) {
        return SESSION_KINDS.getOrDefault(code, code);
    }

    public static String sessionMode(String code) {
        return SESSION_MODES.getOrDefault(code, code);
    }

    /** As written inside a sentence ("the follow-up on 4 December"). */
    public static String sessionKindInText(String code) {
        return code == null || code.equals("initial-conversation") ? "first conversation" : sessionKind(code).toLowerCase(java.util.Locale.UK);
    }

    public static String sessionModeInText(String code) {
        return sessionMode(code).toLowerCase(java.util.Locale.UK);
    }

    public static String sessionOutcome(String code) {
        return code == null ? "Not recorded yet" : SESSION_OUTCOMES.getOrDefault(code, code);
    }

    public static String declineReason(String code) {
        return DECLINE_REASONS.getOrDefault(code, code);
    }

    public static String closureReason(String code) {
        return CLOSURE_REASONS.getOrDefault(code, code);
    }

    public static String risk(String code) {
        return RISK_FLAGS.getOrDefault(code, code);
    }

    public static String reason(String code) {
        return REASONS.getOrDefault(code, code);
    }

    public static java.util.Collection<Map.Entry<String, String>> declineReasons() {
        return DECLINE_REASONS.entrySet();
    }

    public static java.util.Collection<Map.Entry<String, String>> closureReasons() {
        return CLOSURE_REASONS.entrySet();
    }

    public static java.util.Collection<Map.Entry<String, String>> sessionKinds() {
        return SESSION_KINDS.entrySet();
    }

    public static java.util.Collection<Map.Entry<String, String>> sessionModes() {
        return SESSION_MODES.entrySet();
    }

    public static java.util.Collection<Map.Entry<String, String>> sessionOutcomes() {
        return SESSION_OUTCOMES.entrySet();
    }

    /** A language as its name ("Polish"), from the code the referral holds ("pl"); not given: "Not given". */
    public static String language(String code) {
        if (code == null || code.isBlank()) {
            return "Not given";
        }
        String name = java.util.Locale.forLanguageTag(code).getDisplayLanguage(java.util.Locale.UK);
        return name.isBlank() ? code : name;
    }

    /** An NHS number as the NHS writes it: 943 476 5919. */
    public static String nhsNumber(String number) {
        if (number == null || number.isBlank()) {
            return "Not given";
        }
        String digits = number.replaceAll("\\s", "");
        return digits.length() == 10 ? digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6) : number;
    }

    public static String progress(String code) {
        return GOAL_PROGRESS.getOrDefault(code, code);
    }

    public static String owner(String code) {
        return ACTION_OWNERS.getOrDefault(code, code);
    }

    public static java.util.Collection<Map.Entry<String, String>> progresses() {
        return GOAL_PROGRESS.entrySet();
    }

    public static java.util.Collection<Map.Entry<String, String>> owners() {
        return ACTION_OWNERS.entrySet();
    }

    public static String connectionStatus(String code) {
        return CONNECTION_STATUSES.getOrDefault(code, code);
    }

    public static String connectionReason(String code) {
        return code == null ? "" : CONNECTION_REASONS.getOrDefault(code, code);
    }

    public static java.util.Collection<Map.Entry<String, String>> connectionReasons() {
        return CONNECTION_REASONS.entrySet();
    }

    public static String referrerKind(String code) {
        return REFERRER_KINDS.getOrDefault(code, code == null ? "" : code.replace('-', ' '));
    }

    /** An ONS threshold band's code in words: very_high → Very high. */
    public static String band(String code) {
        return code == null || code.isEmpty() ? "" : Character.toUpperCase(code.charAt(0)) + code.substring(1).replace('_', ' ');
    }

    public static java.util.Collection<Map.Entry<String, String>> workingDays() {
        return WORKING_DAYS.entrySet();
    }

    public static String timepoint(String code) {
        return TIMEPOINTS.containsKey(code) ? TIMEPOINTS.get(code).substring(0, TIMEPOINTS.get(code).indexOf(',')) : code;
    }

    public static java.util.Collection<Map.Entry<String, String>> timepoints() {
        return TIMEPOINTS.entrySet();
    }

    public static String referralStatus(String code) {
        return REFERRAL_STATUSES.getOrDefault(code, code);
    }

    private static Map<String, String> ordered(String... codesAndLabels) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < codesAndLabels.length; i += 2) {
            map.put(codesAndLabels[i], codesAndLabels[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}

package uk.socialprescribing.events;

import java.util.Arrays;
import java.util.Optional;

import uk.socialprescribing.events.caseload.CaseAssigned;
import uk.socialprescribing.events.caseload.CaseClosed;
import uk.socialprescribing.events.caseload.CaseOpened;
import uk.socialprescribing.events.caseload.CaseWaitlisted;
import uk.socialprescribing.events.caseload.ConnectionMade;
import uk.socialprescribing.events.caseload.ConnectionUpdated;
import uk.socialprescribing.events.caseload.SessionCompleted;
import uk.socialprescribing.events.caseload.SessionMissed;
import uk.socialprescribing.events.directory.ServiceCapacityChanged;
import uk.socialprescribing.events.directory.ServicePublished;
import uk.socialprescribing.events.directory.ServiceUpdated;
import uk.socialprescribing.events.directory.ServiceWithdrawn;
import uk.socialprescribing.events.outcome.OutcomeRecorded;
import uk.socialprescribing.events.referral.ConsentChanged;
import uk.socialprescribing.events.referral.ReferralAccepted;
import uk.socialprescribing.events.referral.ReferralClosed;
import uk.socialprescribing.events.referral.ReferralDeclined;
import uk.socialprescribing.events.referral.ReferralReceived;
import uk.socialprescribing.events.referral.ReferralRedirected;
import uk.socialprescribing.events.referral.ReferralWithdrawn;

/**
 * Event catalogue v1. The CloudEvents {@code type} is {@code <name>.v<version>}, e.g. {@code referral.accepted.v1};
 * its JSON Schema is {@code /schemas/<type>.json} in this module. A breaking change is a new version,
 * consumed side by side with the old one until that is retired.
 */
public enum EventType {
    REFERRAL_RECEIVED("referral.received", 1, Topic.REFERRAL_EVENTS, ReferralReceived.class),
    REFERRAL_ACCEPTED("referral.accepted", 1, Topic.REFERRAL_EVENTS, ReferralAccepted.class),
    REFERRAL_DECLINED("referral.declined", 1, Topic.REFERRAL_EVENTS, ReferralDeclined.class),
    REFERRAL_REDIRECTED("referral.redirected", 1, Topic.REFERRAL_EVENTS, ReferralRedirected.class),
    REFERRAL_WITHDRAWN("referral.withdrawn", 1, Topic.REFERRAL_EVENTS, ReferralWithdrawn.class),
    REFERRAL_CLOSED("referral.closed", 1, Topic.REFERRAL_EVENTS, ReferralClosed.class),
    CONSENT_CHANGED("consent.changed", 1, Topic.REFERRAL_EVENTS, ConsentChanged.class),

    CASE_OPENED("case.opened", 1, Topic.CASELOAD_EVENTS, CaseOpened.class),
    CASE_ASSIGNED("case.assigned", 1, Topic.CASELOAD_EVENTS, CaseAssigned.class),
    CASE_WAITLISTED("case.waitlisted", 1, Topic.CASELOAD_EVENTS, CaseWaitlisted.class),
    SESSION_COMPLETED("session.completed", 1, Topic.CASELOAD_EVENTS, SessionCompleted.class),
    SESSION_MISSED("session.missed", 1, Topic.CASELOAD_EVENTS, SessionMissed.class),
    CONNECTION_MADE("connection.made", 1, Topic.CASELOAD_EVENTS, ConnectionMade.class),
    CONNECTION_UPDATED("connection.updated", 1, Topic.CASELOAD_EVENTS, ConnectionUpdated.class),
    CASE_CLOSED("case.closed", 1, Topic.CASELOAD_EVENTS, CaseClosed.class),

    SERVICE_PUBLISHED("service.published", 1, Topic.DIRECTORY_EVENTS, ServicePublished.class),
    SERVICE_UPDATED("service.updated", 1, Topic.DIRECTORY_EVENTS, ServiceUpdated.class),
    SERVICE_CAPACITY_CHANGED("service.capacity-changed", 1, Topic.DIRECTORY_EVENTS, ServiceCapacityChanged.class),
    SERVICE_WITHDRAWN("service.withdrawn", 1, Topic.DIRECTORY_EVENTS, ServiceWithdrawn.class),

    OUTCOME_RECORDED("outcome.recorded", 1, Topic.OUTCOME_EVENTS, OutcomeRecorded.class);

    private final String eventName;
    private final int version;
    private final Topic topic;
    private final Class<? extends EventData> dataType;

    EventType(String eventName, int version, Topic topic, Class<? extends EventData> dataType) {
        this.eventName = eventName;
        this.version = version;
        this.topic = topic;
        this.dataType = dataType;
    }

    /** The CloudEvents {@code type} attribute. */
    public String cloudEventType() {
        return eventName + ".v" + version;
    }

    /** The CloudEvents {@code dataschema} attribute. */
    public String schemaUri() {
        return "urn:social-prescribing:events:" + cloudEventType();
    }

    public String schemaResource() {
        return "/schemas/" + cloudEventType() + ".json";
    }

    public Topic topic() {
        return topic;
    }

    public Class<? extends EventData> dataType() {
        return dataType;
    }

    public static Optional<EventType> fromCloudEventType(String type) {
        return Arrays.stream(values()).filter(t -> t.cloudEventType().equals(type)).findFirst();
    }

    public static EventType of(EventData data) {
        return Arrays.stream(values())
                .filter(t -> t.dataType.equals(data.getClass()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not in the event catalogue: " + data.getClass()));
    }
}

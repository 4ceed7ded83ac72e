package uk.socialprescribing.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
import uk.socialprescribing.events.referral.ReferralAccepted;
import uk.socialprescribing.events.referral.ConsentChanged;
import uk.socialprescribing.events.referral.ReferralClosed;
import uk.socialprescribing.events.referral.ReferralDeclined;
import uk.socialprescribing.events.referral.ReferralReceived;
import uk.socialprescribing.events.referral.ReferralRedirected;
import uk.socialprescribing.events.referral.ReferralWithdrawn;

class EventCatalogueTest {

    private static final Instant AT = Instant.parse("2026-11-02T09:30:00Z");
    private static final UUID A = UUID.fromString("0b0e4f5c-1c7e-4e52-9a43-5a8a0c1a2b01");
    private static final UUID B = UUID.fromString("6f1d2c3b-4a59-4d68-8e7f-9a0b1c2d3e04");

    /** One realistic instance of every type in the catalogue. */
    static List<EventData> oneOfEach() {
        return List.of(
                new ReferralReceived(A, "gp-practice", "B82005", "B82005", "U84002", List.of("loneliness-or-isolation"), "routine", AT),
                new ReferralAccepted(A, "B82005", "U84002", "urgent", "pl", true, AT, AT.minusSeconds(86_400)),
                new ReferralDeclined(A, "needs-clinical-care", AT),
                new ReferralRedirected(A, "Citizens Advice Harrogate", "debt-advice", AT),
                new ReferralWithdrawn(A, "person-declined", AT),
                new ReferralClosed(A, "completed", AT),
                new ConsentChanged(A, List.of(new ConsentChanged.Purpose("referral", "given", null),
                        new ConsentChanged.Purpose("share-contact-with-provider", "given", java.time.LocalDate.of(2027, 6, 30))), AT),
                new CaseOpened(A, B, "B82005", AT),
                new CaseAssigned(A, B, "amara.okafor", "U84002", AT, "Amara Okafor"),
                new CaseWaitlisted(A, AT, "U84005", 12L),
                new SessionCompleted(A, B, 1, "in-person", AT),
                new SessionMissed(A, B, AT),
                new ConnectionMade(A, B, B, "U84002", "walking", "referred", null, AT),
                new ConnectionUpdated(A, B, B, "U84002", "walking", "declined", "no-space", AT),
                new CaseClosed(A, B, "goals-met", 6, List.of(new CaseClosed.ActivityConnected(B, "Nidd Gorge walking group", "attending")), AT,
                        "Came to six sessions and now walks with the Nidd Gorge group every week.", "Would like help with a blue badge application."),
                new ServicePublished(A, B, "Nidd Gorge walking group", List.of("walking"), AT),
                new ServiceUpdated(A, B, "Nidd Gorge walking group", List.of("walking", "nature"), AT),
                new ServiceCapacityChanged(A, 4, 12, "place", AT),
                new ServiceWithdrawn(A, "funding-ended", AT),
                new OutcomeRecorded(A, B, "SWEMWBS", "baseline", new BigDecimal("19.98"),
                        java.util.Map.of("swemwbs_1", 3, "swemwbs_2", 2, "swemwbs_3", 3, "swemwbs_4", 2, "swemwbs_5", 3, "swemwbs_6", 3, "swemwbs_7", 2),
                        "U84002", AT, java.time.LocalDate.of(2026, 11, 1)));
    }

    @Test
    void everyTypeHasAnInstanceAndEveryInstanceConformsToItsSchema() {
        List<EventData> samples = oneOfEach();
        assertEquals(Set.of(EventType.values()), samples.stream().map(EventType::of).collect(Collectors.toSet()));
        for (EventData data : samples) {
            EventType type = EventType.of(data);
            JsonNode json = EventJson.mapper().valueToTree(data);
            assertEquals(List.of(), EventSchemas.violations(type, json), type.cloudEventType());
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaPropertiesAreExactlyThePayloadFields(EventType type) throws Exception {
        JsonNode schema = schemaOf(type);
        assertEquals(type.cloudEventType(), schema.get("title").asText());
        assertEquals(type.schemaUri(), schema.get("$id").asText());
        Set<String> schemaFields = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(schemaFields::add);
        Set<String> recordFields = Arrays.stream(type.dataType().getRecordComponents())
                .map(RecordComponent::getName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(recordFields, schemaFields);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void dataMissingARequiredFieldIsRejected(EventType type) throws Exception {
        EventData sample = oneOfEach().stream().filter(d -> EventType.of(d) == type).findFirst().orElseThrow();
        ObjectNode json = EventJson.mapper().valueToTree(sample);
        String required = schemaOf(type).get("required").get(0).asText();
        json.remove(required);
        List<String> violations = EventSchemas.violations(type, json);
        assertFalse(violations.isEmpty(), "accepted without " + required);
        assertTrue(violations.get(0).contains(required), violations.toString());
    }

    @Test
    void aValueOutsideAnEnumIsRejected() {
        ObjectNode json = EventJson.mapper().valueToTree(new ReferralReceived(A, "gp-practice", "B82005", AT));
        json.put("referrerType", "astrologer");
        assertFalse(EventSchemas.violations(EventType.REFERRAL_RECEIVED, json).isEmpty());
    }

    @Test
    void cloudEventTypesAreVersionedAndFoundAgain() {
        assertEquals("referral.accepted.v1", EventType.REFERRAL_ACCEPTED.cloudEventType());
        for (EventType type : EventType.values()) {
            assertEquals(type, EventType.fromCloudEventType(type.cloudEventType()).orElseThrow());
        }
        assertTrue(EventType.fromCloudEventType("referral.accepted.v9").isEmpty());
    }

    @Test
    void nothingThatIdentifiesAPersonIsInTheOutcomeEvents() throws Exception {
        Pattern personal = Pattern.compile("(?i).*(nhs|name|birth|dob|address|postcode|email|phone|gender|ethnic).*");
        for (EventType type : EventType.values()) {
            if (type.topic() != Topic.OUTCOME_EVENTS) {
                continue;
            }
            schemaOf(type).get("properties").fieldNames().forEachRemaining(field ->
                    assertFalse(personal.matcher(field).matches(), type.cloudEventType() + " carries " + field));
        }
    }

    private static JsonNode schemaOf(EventType type) throws Exception {
        try (InputStream in = EventCatalogueTest.class.getResourceAsStream(type.schemaResource())) {
            return EventJson.mapper().readTree(in);
        }
    }
}

package uk.socialprescribing.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import uk.socialprescribing.events.EventType;
import uk.socialprescribing.events.Topic;

/**
 * No NHS number, name, date of birth, address or free text is ever received or stored here: every column of every
 * table (the projections' too), and every field of every event this service consumes, is checked by name.
 */
@QuarkusTest
class PrivacyTest {

    /** What a field holding a person's identity, contact details or free text would be called. */
    static final Pattern PERSONAL = Pattern.compile("(?i).*(nhs|name|given|family|surname|forename|birth|dob|address|postcode|phone|email|note|comment|"
            + "free_?text|summary|next_?steps|^name$|patient_?name|person_?name).*");

    @Inject
    EntityManager entityManager;

    @Test
    void noTableHoldsAPersonsIdentityOrFreeText() {
        @SuppressWarnings("unchecked")
        List<Object[]> columns = entityManager.createNativeQuery("select table_schema || '.' || table_name, column_name from information_schema.columns "
                + "where table_schema = 'public' or table_schema like 'projection\\_%'").getResultList();
        assertTrue(columns.size() > 30, "the schema was read: " + columns.size());
        List<String> personal = columns.stream().filter(c -> PERSONAL.matcher((String) c[1]).matches()).map(c -> c[0] + "." + c[1]).toList();
        assertEquals(List.of(), personal);
    }

    @Test
    void noEventThisServiceConsumesCarriesThem() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> consumed = new ArrayList<>();
        List<String> personal = new ArrayList<>();
        for (EventType type : EventType.values()) {
            if (type.topic() != Topic.REFERRAL_EVENTS && type.topic() != Topic.CASELOAD_EVENTS) {
                continue;
            }
            consumed.add(type.cloudEventType());
            JsonNode schema = json.readTree(getClass().getResourceAsStream("/schemas/" + type.cloudEventType() + ".json"));
            fields(schema, "", personal, type.cloudEventType());
        }
        assertTrue(consumed.size() >= 14, consumed.toString());
        // a directory service's name in case.closed is an activity's name, and case.assigned's linkWorkerName a member of
        // staff's; case.closed's summary and next steps are the link worker's words for the referrer. None is stored here
        // (see Projector; the table check above would find them)
        assertEquals(List.of("case.assigned.v1: linkWorkerName", "case.closed.v1: activitiesConnected.name", "case.closed.v1: summary",
                "case.closed.v1: nextSteps"), personal);
    }

    private static void fields(JsonNode schema, String path, List<String> personal, String type) {
        JsonNode properties = schema.get("properties");
        if (properties != null) {
            for (Iterator<String> names = properties.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (PERSONAL.matcher(name).matches()) {
                    personal.add(type + ": " + path + name);
                }
                fields(properties.get(name), path + name + ".", personal, type);
            }
        }
        if (schema.has("items")) {
            fields(schema.get("items"), path, personal, type);
        }
    }
}

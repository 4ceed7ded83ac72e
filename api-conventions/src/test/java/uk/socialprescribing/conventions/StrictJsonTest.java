package uk.socialprescribing.conventions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

class StrictJsonTest {

    record Consent(Boolean referral) {
    }

    private final ObjectMapper mapper = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void aBooleanIsTrueOrFalseNeverANumber() throws Exception {
        assertEquals(true, mapper.readValue("{\"referral\": true}", Consent.class).referral());
        assertThrows(JsonMappingException.class, () -> mapper.readValue("{\"referral\": 42}", Consent.class));
    }

    @Test
    void nothingMayFollowTheBodysOneValue() {
        assertThrows(com.fasterxml.jackson.core.JsonProcessingException.class, () -> mapper.readValue("{\"referral\": true} trailing", Consent.class));
    }
}

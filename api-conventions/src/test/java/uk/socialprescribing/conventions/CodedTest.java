package uk.socialprescribing.conventions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** A coded enum is written and read in JSON by its code, by the interface's @JsonValue alone. */
class CodedTest {

    enum Mode implements Coded {
        FACE_TO_FACE("face-to-face"), HOME_VISIT("home-visit");

        private final String code;

        Mode(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    record Session(Mode mode) {
    }

    final ObjectMapper json = new ObjectMapper();

    @Test
    void writtenAndReadByItsCode() throws Exception {
        assertEquals("{\"mode\":\"home-visit\"}", json.writeValueAsString(new Session(Mode.HOME_VISIT)));
        assertEquals(Mode.FACE_TO_FACE, json.readValue("{\"mode\":\"face-to-face\"}", Session.class).mode());
        assertThrows(InvalidFormatException.class, () -> json.readValue("{\"mode\":\"FACE_TO_FACE\"}", Session.class));
    }

    @Test
    void lookedUpByItsCode() {
        assertEquals(Optional.of(Mode.HOME_VISIT), Coded.fromCode(Mode.class, "home-visit"));
        assertEquals(Optional.empty(), Coded.fromCode(Mode.class, "bus"));
        assertEquals(List.of("face-to-face", "home-visit"), Coded.codes(Mode.class));
    }
}

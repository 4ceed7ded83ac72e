package uk.socialprescribing.conventions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A problem lists its fields as people read them: numbers in names by their value, not character by character. */
class FieldOrderTest {

    @Test
    void numbersInFieldNamesSortByValue() {
        List<String> fields = new ArrayList<>(List.of("answers.wemwbs_14", "answers.wemwbs_9", "timepoint", "answers.wemwbs_2",
                "reasons[10].code", "reasons[2].code", "reasons[2]", "answers.wemwbs_02x"));
        fields.sort(ProblemMappers::byNumbersInIt);
        assertEquals(List.of("answers.wemwbs_2", "answers.wemwbs_02x", "answers.wemwbs_9", "answers.wemwbs_14", "reasons[2]",
                "reasons[2].code", "reasons[10].code", "timepoint"), fields);
    }
}

package uk.socialprescribing.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import uk.socialprescribing.outcomes.measure.Instrument;
import uk.socialprescribing.outcomes.measure.Scales;
import uk.socialprescribing.outcomes.measure.Scoring;

/** Each measure scored as its published tables say (the shared tables, copied into the module). */
class ScoringTest {

    final Scoring scoring = new Scoring();

    /** Answers that add up to {@code total}: as many items at the top as fit, the rest at the bottom, one between. */
    static Map<String, Integer> summingTo(Instrument instrument, int total) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        int left = total;
        int itemsLeft = instrument.items().size();
        for (String item : instrument.items()) {
            itemsLeft--;
            int value = Math.min(instrument.max(), left - itemsLeft * instrument.min());
            answers.put(item, value);
            left -= value;
        }
        assertEquals(total, answers.values().stream().mapToInt(Integer::intValue).sum());
        return answers;
    }

    @Test
    void swemwbsRawTotalsBecomeMetricScoresByTheConversionTable() throws Exception {
        int rows = 0;
        try (var in = getClass().getClassLoader().getResourceAsStream("standards/outcomes/swemwbs_raw_to_metric.csv")) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                int raw = Integer.parseInt(row.get("raw_score"));
                Scoring.Scored scored = scoring.score(Instrument.SWEMWBS, summingTo(Instrument.SWEMWBS, raw));
                assertEquals(raw, scored.raw());
                assertEquals(new BigDecimal(row.get("metric_score")), scored.score(), "raw " + raw);
                rows++;
            }
        }
        assertEquals(29, rows);
        // three values from Warwick's published table, by hand
        assertEquals(new BigDecimal("7.00"), scoring.score(Instrument.SWEMWBS, summingTo(Instrument.SWEMWBS, 7)).score());
        assertEquals(new BigDecimal("19.98"), scoring.score(Instrument.SWEMWBS, summingTo(Instrument.SWEMWBS, 22)).score());
        assertEquals(new BigDecimal("35.00"), scoring.score(Instrument.SWEMWBS, summingTo(Instrument.SWEMWBS, 35)).score());
    }

    @Test
    void ons4ItemsFallInTheOnsBandsAndAnxietyRunsTheOtherWay() {
        Scoring.Scored scored = scoring.score(Instrument.ONS4, Map.of("life_satisfaction", 4, "worthwhile", 5, "happiness", 9, "anxiety", 6));
        assertNull(scored.score());
        assertEquals(Map.of("life_satisfaction", "low", "worthwhile", "medium", "happiness", "very_high", "anxiety", "high"), scored.bands());
        Map<Integer, String> anxiety = Map.of(0, "very_low", 1, "very_low", 2, "low", 3, "low", 4, "medium", 5, "medium", 6, "high", 10, "high");
        anxiety.forEach((value, band) -> assertEquals(band, scoring.band("anxiety", value), "anxiety " + value));
        Map<Integer, String> positive = Map.of(0, "low", 4, "low", 5, "medium", 6, "medium", 7, "high", 8, "high", 9, "very_high", 10, "very_high");
        positive.forEach((value, band) -> assertEquals(band, scoring.band("happiness", value), "happiness " + value));
        // better is a higher band for the positive items, a lower one for anxiety
        assertEquals(true, scoring.bandRank("anxiety", 1) > scoring.bandRank("anxiety", 6));
        assertEquals(true, scoring.bandRank("happiness", 9) > scoring.bandRank("happiness", 4));
    }

    @Test
    void uclaAndWemwbsAreTotals() {
        assertEquals(new BigDecimal("3"), scoring.score(Instrument.UCLA3, Map.of("ucla_1", 1, "ucla_2", 1, "ucla_3", 1)).score());
        assertEquals(new BigDecimal("9"), scoring.score(Instrument.UCLA3, Map.of("ucla_1", 3, "ucla_2", 3, "ucla_3", 3)).score());
        assertEquals(new BigDecimal("14"), scoring.score(Instrument.WEMWBS, summingTo(Instrument.WEMWBS, 14)).score());
        assertEquals(new BigDecimal("70"), scoring.score(Instrument.WEMWBS, summingTo(Instrument.WEMWBS, 70)).score());
        assertEquals(new BigDecimal("47"), scoring.score(Instrument.WEMWBS, summingTo(Instrument.WEMWBS, 47)).score());
    }

    @Test
    void aMissingOutOfRangeOrUnknownItemIsNamed() {
        assertEquals(List.of("ucla_3"), items(() -> scoring.score(Instrument.UCLA3, Map.of("ucla_1", 1, "ucla_2", 1))));
        assertEquals(List.of("ucla_2"), items(() -> scoring.score(Instrument.UCLA3, Map.of("ucla_1", 1, "ucla_2", 4, "ucla_3", 1))));
        assertEquals(List.of("anxiety"), items(() -> scoring.score(Instrument.ONS4,
                Map.of("life_satisfaction", 4, "worthwhile", 5, "happiness", 9, "anxiety", 11))));
        assertEquals(List.of("swemwbs_8"), items(() -> {
            Map<String, Integer> answers = new LinkedHashMap<>(summingTo(Instrument.SWEMWBS, 20));
            answers.put("swemwbs_8", 3);
            scoring.score(Instrument.SWEMWBS, answers);
        }));
    }

    @Test
    void everyBadItemIsNamedAtOnce() {
        Map<String, Integer> answers = new LinkedHashMap<>(summingTo(Instrument.SWEMWBS, 20));
        answers.put("swemwbs_2", 0);
        answers.put("swemwbs_5", 6);
        answers.remove("swemwbs_7");
        answers.put("swemwbs_9", 3);
        assertEquals(List.of("swemwbs_9", "swemwbs_2", "swemwbs_5", "swemwbs_7"), items(() -> scoring.score(Instrument.SWEMWBS, answers)));
    }

    @Test
    void theLineForAMeaningfulImprovementAgreesWithTheRuleAndIsAbsentWhereTheScaleLeavesNoRoom() {
        assertEquals(new BigDecimal("22.98"), Scales.improvedAt(scoring, "SWEMWBS", new BigDecimal("19.98")));
        assertNull(Scales.improvedAt(scoring, "SWEMWBS", new BigDecimal("32.03")));
        assertEquals(BigDecimal.valueOf(70), Scales.improvedAt(scoring, "WEMWBS", BigDecimal.valueOf(67)));
        assertEquals(BigDecimal.valueOf(8), Scales.improvedAt(scoring, "UCLA3", BigDecimal.valueOf(9)));
        assertNull(Scales.improvedAt(scoring, "UCLA3", BigDecimal.valueOf(3)));
        assertEquals(BigDecimal.valueOf(9), Scales.improvedAt(scoring, "ONS4.happiness", BigDecimal.valueOf(7)));
        assertNull(Scales.improvedAt(scoring, "ONS4.happiness", BigDecimal.valueOf(9)));
        assertEquals(BigDecimal.ONE, Scales.improvedAt(scoring, "ONS4.anxiety", BigDecimal.valueOf(2)));
        assertNull(Scales.improvedAt(scoring, "ONS4.anxiety", BigDecimal.ONE));
        // reaching the line is an improvement by the rule, one step short of it is not, on every scale and baseline
        for (String scale : Scales.ALL) {
            int low = scale.startsWith("ONS4") ? 0 : scale.equals("UCLA3") ? 3 : scale.equals("WEMWBS") ? 14 : 7;
            int high = scale.startsWith("ONS4") ? 10 : scale.equals("UCLA3") ? 9 : scale.equals("WEMWBS") ? 70 : 35;
            for (int b = low; b <= high; b++) {
                BigDecimal baseline = BigDecimal.valueOf(b);
                BigDecimal line = Scales.improvedAt(scoring, scale, baseline);
                if (line != null) {
                    BigDecimal shortOf = Scales.higherIsBetter(scale) ? line.subtract(BigDecimal.ONE) : line.add(BigDecimal.ONE);
                    assertEquals(true, Scales.improved(scoring, scale, baseline, line), scale + " " + b);
                    assertEquals(false, Scales.improved(scoring, scale, baseline, shortOf), scale + " " + b);
                }
            }
        }
    }

    private static List<String> items(org.junit.jupiter.api.function.Executable scoring) {
        return assertThrows(Scoring.InvalidAnswers.class, scoring).problems().stream().map(Scoring.Problem::item).toList();
    }
}

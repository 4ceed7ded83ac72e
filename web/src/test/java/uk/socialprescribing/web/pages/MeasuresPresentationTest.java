package uk.socialprescribing.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.socialprescribing.web.WebConfig;
import uk.socialprescribing.web.api.Outcomes;

/** The outcome measures as the pages show them: the questionnaires' words where they may be shown, and the charts. */
class MeasuresPresentationTest {

    @Test
    void onsWordingShipsAndTheLicensedQuestionnairesShowItemNumbersOnly() {
        Questionnaires q = new Questionnaires(config(Optional.empty()));
        Questionnaires.Questionnaire ons4 = q.of("ONS4");
        assertTrue(ons4.worded());
        assertEquals("Overall, how satisfied are you with your life nowadays?", ons4.items().get(0).wording());
        assertEquals(11, ons4.answers().size());
        assertEquals("0 (not at all)", ons4.answers().get(0).words());
        assertEquals("10 (completely)", ons4.answers().get(10).words());
        Questionnaires.Questionnaire swemwbs = q.of("SWEMWBS");
        assertFalse(swemwbs.worded());
        assertEquals(List.of("swemwbs_1", "swemwbs_2", "swemwbs_3", "swemwbs_4", "swemwbs_5", "swemwbs_6", "swemwbs_7"),
                swemwbs.items().stream().map(Questionnaires.Item::id).toList());
        assertNull(swemwbs.items().get(0).wording());
        assertEquals(List.of("1", "2", "3", "4", "5"), swemwbs.answers().stream().map(Questionnaires.Answer::words).toList());
        assertEquals(14, q.of("WEMWBS").items().size());
        assertEquals(List.of("1", "2", "3"), q.of("UCLA3").answers().stream().map(Questionnaires.Answer::code).toList());
        assertNull(q.of("EQ5D"));
    }

    @Test
    void aDeployersOwnWordingIsShownAndAnswerWordsOfTheWrongCountAreNot(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("wording.properties");
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 7; i++) {
            text.append("swemwbs_").append(i).append("=Licensed question ").append(i).append('\n');
        }
        text.append("SWEMWBS.answers=A|B|C|D|E\n");
        text.append("UCLA3.answers=Hardly ever|Often\n");
        Files.writeString(file, text);
        Questionnaires q = new Questionnaires(config(Optional.of(file)));
        assertTrue(q.of("SWEMWBS").worded());
        assertEquals("Licensed question 7", q.of("SWEMWBS").items().get(6).wording());
        assertEquals(List.of("A", "B", "C", "D", "E"), q.of("SWEMWBS").answers().stream().map(Questionnaires.Answer::words).toList());
        // two words for three answers: the scores are shown rather than a wrong word against a score
        assertEquals(List.of("1", "2", "3"), q.of("UCLA3").answers().stream().map(Questionnaires.Answer::words).toList());
        assertFalse(q.of("UCLA3").worded());
    }

    @Test
    void aChartPlacesEachMeasureAndTheLineOfAMeaningfulImprovementOnItsScale() {
        UUID caseId = UUID.randomUUID();
        Outcomes.CaseMeasures measures = new Outcomes.CaseMeasures(caseId, List.of(
                measure("SWEMWBS", "baseline", LocalDate.of(2026, 10, 1), "19.98", null),
                measure("ONS4", "baseline", LocalDate.of(2026, 10, 1), null, Map.of("life_satisfaction", 9, "worthwhile", 5,
                        "happiness", 5, "anxiety", 7)),
                measure("SWEMWBS", "follow-up", LocalDate.of(2026, 11, 12), "23.21", null),
                measure("UCLA3", "follow-up", LocalDate.of(2026, 11, 12), "5", null)),
                List.of(new Outcomes.Change("SWEMWBS", new BigDecimal("19.98"), new BigDecimal("23.21"), new BigDecimal("3.23"), true, "rule")),
                List.of(new Outcomes.Target("SWEMWBS", new BigDecimal("19.98"), new BigDecimal("22.98"), true, "at least 3 higher"),
                        new Outcomes.Target("ONS4.life_satisfaction", BigDecimal.valueOf(9), null, true, "a higher band"),
                        new Outcomes.Target("ONS4.anxiety", BigDecimal.valueOf(7), BigDecimal.valueOf(5), false, "a lower band")));
        List<ScaleChart> charts = ScaleChart.of(measures);
        // the scales in the API's order, each only where there is a measure on it
        assertEquals(List.of("swemwbs", "ucla3", "ons4-life-satisfaction", "ons4-worthwhile", "ons4-happiness", "ons4-anxiety"),
                charts.stream().map(ScaleChart::id).toList());

        ScaleChart swemwbs = charts.get(0);
        assertEquals(2, swemwbs.points().size());
        // 7 at the bottom (y 220), 35 at the top (y 16): 19.98 is at 220 - 12.98 / 28 × 204
        assertEquals(125.4, swemwbs.points().get(0).y(), 0.05);
        assertEquals(103.6, swemwbs.targetY(), 0.05);
        assertTrue(swemwbs.points().get(0).y() > swemwbs.targetY() && swemwbs.points().get(1).y() < swemwbs.targetY(),
                "the baseline is below the line and the follow-up above it");
        assertEquals("Meaningful improvement: 22.98 or more", swemwbs.targetLabel());
        assertEquals(List.of(7, 10, 15, 20, 25, 30, 35), swemwbs.ticks().stream().map(ScaleChart.Tick::value).toList());
        assertEquals("2 measures, from 19.98 on 1 October 2026 to 23.21 on 12 November 2026. A meaningful improvement on the first "
                + "baseline is 22.98 or more. The latest is a meaningful improvement.", swemwbs.summary());
        assertFalse(swemwbs.banded());

        ScaleChart anxiety = charts.get(5);
        assertEquals("Meaningful improvement: 5 or less", anxiety.targetLabel());
        assertEquals("Lower is better.", anxiety.direction());
        assertTrue(anxiety.banded());
        // a scale with a baseline and no line (already in the best band): no line is drawn
        ScaleChart life = charts.get(2);
        assertNull(life.targetY());
        assertEquals("", life.targetLabel());
        assertTrue(life.summary().endsWith("The baseline leaves no room for a meaningful improvement on this scale."), life.summary());
        // a scale with no baseline (no target from the API): no line, and the page says why
        ScaleChart loneliness = charts.get(1);
        assertNull(loneliness.targetY());
        assertTrue(loneliness.summary().contains("No baseline yet"), loneliness.summary());
    }

    private static Outcomes.Measurement measure(String instrument, String timepoint, LocalDate day, String score, Map<String, Integer> items) {
        Map<String, String> bands = items == null ? null : Map.of("life_satisfaction", "very_high", "worthwhile", "medium", "happiness", "medium",
                "anxiety", "high");
        return new Outcomes.Measurement(UUID.randomUUID(), instrument, timepoint, day, score == null ? null : new BigDecimal(score), null,
                items, bands, "amara.okafor", day.atStartOfDay(Formats.ENGLAND).toInstant());
    }

    private static WebConfig config(Optional<Path> questionnaires) {
        return new WebConfig() {
            @Override
            public URI gateway() {
                return URI.create("http://127.0.0.1:8080");
            }

            @Override
            public Optional<Path> questionnaires() {
                return questionnaires;
            }

            @Override
            public Session session() {
                throw new UnsupportedOperationException();
            }
        };
    }
}

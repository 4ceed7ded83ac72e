package uk.socialprescribing.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.socialprescribing.outcomes.metrics.MetricTable;
import uk.socialprescribing.outcomes.metrics.MetricTable.Column;
import uk.socialprescribing.outcomes.metrics.MetricTable.SuppressedCell;
import uk.socialprescribing.outcomes.metrics.Period;
import uk.socialprescribing.outcomes.metrics.Statistics;

/** Small-number suppression at its edges, secondary suppression, and the confidence interval, each worked out by hand. */
class MetricTableTest {

    static final Period PERIOD = new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), "2026-01");
    static final List<Column> COUNT = List.of(Column.count("n", "a count"));

    static MetricTable counts(boolean additive, long... values) {
        MetricTable.Builder table = new MetricTable.Builder("test", PERIOD, List.of("pcn"), COUNT, additive);
        long total = 0;
        for (int i = 0; i < values.length; i++) {
            table.row(Map.of("pcn", "P" + i), Map.of("n", values[i]));
            total += values[i];
        }
        return table.total(Map.of("n", total)).build();
    }

    static List<Number> shown(MetricTable table) {
        return table.rows().stream().map(r -> r.values().get("n")).toList();
    }

    @Test
    void countsOfOneToSevenAreSuppressedAndOthersRoundedToFive() {
        // 0 stays 0; 1 and 7 suppressed; 8 -> 10; 12 -> 10; 13 -> 15 (not additive here, so no secondary suppression)
        MetricTable table = counts(false, 0, 1, 7, 8, 12, 13);
        assertEquals(java.util.Arrays.asList(0L, null, null, 10L, 10L, 15L), shown(table));
        assertEquals(List.of(new SuppressedCell("pcn=P1", "n", "count-1-to-7"), new SuppressedCell("pcn=P2", "n", "count-1-to-7")),
                table.suppressed());
        // the whole area is exact
        assertEquals(41L, table.total().values().get("n"));
    }

    @Test
    void aLoneSuppressedCellTakesTheNextSmallestWithIt() {
        // 3 alone could be worked out from the total (3 + 12 + 20 = 35): 12, the smallest other, goes too
        MetricTable table = counts(true, 3, 20, 12);
        assertEquals(java.util.Arrays.asList(null, 20L, null), shown(table));
        assertEquals(List.of(new SuppressedCell("pcn=P0", "n", "count-1-to-7"), new SuppressedCell("pcn=P2", "n", "secondary")), table.suppressed());
        assertEquals(35L, table.total().values().get("n"));
    }

    @Test
    void whenNoOtherCellCanHideItTheTotalGoes() {
        // 1 and two zeros: the total would say it was 1
        MetricTable table = counts(true, 0, 1, 0);
        assertEquals(java.util.Arrays.asList(0L, null, 0L), shown(table));
        assertNull(table.total().values().get("n"));
        assertEquals(new SuppressedCell("total", "n", "secondary"), table.suppressed().get(1));
    }

    @Test
    void twoSuppressedCellsHideEachOtherAndNonAdditiveTablesNeedNoSecondary() {
        assertEquals(java.util.Arrays.asList(null, null, 20L), shown(counts(true, 2, 5, 20)));
        assertEquals(java.util.Arrays.asList(null, 20L, 10L), shown(counts(false, 3, 20, 12)));
    }

    @Test
    void statisticsOverFewerThanEightPeopleAreSuppressedInTheTotalToo() {
        List<Column> columns = List.of(Column.count("people", "people"), Column.statistic("mean", "people", "a mean"));
        Map<String, Number> seven = new HashMap<>(Map.of("people", 7L, "mean", 2.5));
        Map<String, Number> eight = new HashMap<>(Map.of("people", 8L, "mean", 3.5));
        Map<String, Number> none = new HashMap<>(Map.of("people", 0L));
        none.put("mean", null);
        MetricTable table = new MetricTable.Builder("test", PERIOD, List.of("pcn"), columns, false)
                .row(Map.of("pcn", "A"), seven).row(Map.of("pcn", "B"), eight).row(Map.of("pcn", "C"), none)
                .total(new LinkedHashMap<>(Map.of("people", 7L, "mean", 2.5))).build();
        assertNull(table.rows().get(0).values().get("mean"));
        assertEquals(3.5, table.rows().get(1).values().get("mean"));
        // nothing to measure is not a suppression
        assertNull(table.rows().get(2).values().get("mean"));
        assertNull(table.total().values().get("mean"));
        assertEquals(List.of("pcn=A:people", "pcn=A:mean", "total:mean"),
                table.suppressed().stream().map(s -> s.row() + ":" + s.column()).toList());
    }

    @Test
    void belowTheWholeAreaAPercentageIsOfThePublishedCountsSoItGivesNoneAway() {
        // 11 of 13 improved: 84.62% beside a published 15 would say 11 of 13. Published: 15 people, 10 improved, 66.7%
        // (10 of 15), which reconciles; the whole area keeps its exact counts and its exact share
        List<Column> columns = List.of(Column.count("people", "people"), Column.count("improved", "improved"),
                Column.percent("improved_percent", "improved", "people", "share improved"));
        MetricTable table = new MetricTable.Builder("test", PERIOD, List.of("pcn"), columns, false)
                .row(Map.of("pcn", "A"), Map.of("people", 13L, "improved", 11L))
                .row(Map.of("pcn", "B"), Map.of("people", 20L, "improved", 6L))
                .row(Map.of("pcn", "C"), Map.of("people", 5L, "improved", 5L))
                .total(Map.of("people", 38L, "improved", 22L)).build();
        assertEquals(Map.of("people", 15L, "improved", 10L, "improved_percent", 66.7), table.rows().get(0).values());
        // 6 improved is suppressed, and the share that would say it goes with it
        assertNull(table.rows().get(1).values().get("improved_percent"));
        assertNull(table.rows().get(2).values().get("improved_percent"));
        assertEquals(List.of("pcn=B:improved:count-1-to-7", "pcn=C:people:count-1-to-7", "pcn=C:improved:count-1-to-7",
                "pcn=B:improved_percent:with-its-count", "pcn=C:improved_percent:fewer-than-8-people"),
                table.suppressed().stream().map(s -> s.row() + ":" + s.column() + ":" + s.reason()).toList());
        assertEquals(57.89, table.total().values().get("improved_percent"));
    }

    @Test
    void belowTheWholeAreaAMeanOfWholeNumbersNeverPinsDownHowManyItIsOver() {
        // every count of 8 to 300 people, every total a score of -20..20 a person can give: at one decimal place, each
        // (published count, published mean) pair is reached from at least two different numbers of people
        List<Column> columns = List.of(Column.count("people", "people"), Column.statistic("mean", "people", "a mean"));
        Map<String, java.util.Set<Long>> peopleBehind = new HashMap<>();
        for (long n = 8; n <= 300; n++) {
            for (long sum = -20 * n; sum <= 20 * n; sum++) {
                Map<String, Number> raw = new HashMap<>(Map.of("people", n, "mean", (double) sum / n));
                Map<String, Number> shown = new MetricTable.Builder("test", PERIOD, List.of("pcn"), columns, false)
                        .row(Map.of("pcn", "A"), raw).build().rows().get(0).values();
                peopleBehind.computeIfAbsent(shown.get("people") + "/" + shown.get("mean"), k -> new java.util.HashSet<>()).add(n);
            }
        }
        assertEquals(List.of(), peopleBehind.entrySet().stream().filter(e -> e.getValue().size() < 2).map(Map.Entry::getKey).toList());
    }

    @Test
    void theMeanChangeHasAStudentsTInterval() {
        // 1..8: mean 4.5; sd sqrt(42/7) = 2.4495; se 0.8660; t(0.975, 7) = 2.3646; half-width 2.0478
        Statistics.MeanWithInterval mean = Statistics.meanWithInterval(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0));
        assertEquals(8, mean.n());
        assertEquals(4.5, mean.mean(), 1e-9);
        assertEquals(2.4522, mean.low(), 1e-4);
        assertEquals(6.5478, mean.high(), 1e-4);
        // one value: a mean but no interval
        assertEquals(new Statistics.MeanWithInterval(1, 3.0, null, null), Statistics.meanWithInterval(List.of(3.0)));
    }
}

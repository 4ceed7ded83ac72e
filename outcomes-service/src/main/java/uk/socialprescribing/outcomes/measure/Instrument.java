package uk.socialprescribing.outcomes.measure;

import java.util.List;
import java.util.stream.IntStream;

/** The validated measures, known by their items' ids and the range each item is scored in. */
public enum Instrument {

    /** ONS personal well-being: four items 0-10, reported apart (no total); anxiety's scale runs the other way. */
    ONS4(List.of("life_satisfaction", "worthwhile", "happiness", "anxiety"), 0, 10),
    /** Short Warwick-Edinburgh Mental Wellbeing Scale: seven items 1-5, raw 7-35, reported as its metric score. */
    SWEMWBS(numbered("swemwbs_", 7), 1, 5),
    /** UCLA 3-item loneliness scale: three items 1-3, total 3-9, higher is lonelier. */
    UCLA3(numbered("ucla_", 3), 1, 3),
    /** Warwick-Edinburgh Mental Wellbeing Scale: fourteen items 1-5, total 14-70. */
    WEMWBS(numbered("wemwbs_", 14), 1, 5);

    private final List<String> items;
    private final int min;
    private final int max;

    Instrument(List<String> items, int min, int max) {
        this.items = items;
        this.min = min;
        this.max = max;
    }

    private static List<String> numbered(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + i).toList();
    }

    public List<String> items() {
        return items;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }
}

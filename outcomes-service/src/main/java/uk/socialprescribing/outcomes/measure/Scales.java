package uk.socialprescribing.outcomes.measure;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scales change is measured on, and what counts as a meaningful improvement on each. SWEMWBS and WEMWBS: their
 * score; UCLA3: its total (lower is better); ONS4: each item apart (ONS reports no composite).
 */
public final class Scales {

    /** Every scale, in the order reports list them. */
    public static final List<String> ALL = List.of("SWEMWBS", "WEMWBS", "UCLA3", "ONS4.life_satisfaction", "ONS4.worthwhile",
            "ONS4.happiness", "ONS4.anxiety");

    private Scales() {
    }

    /** A measurement's value on each of its scales. */
    public static Map<String, BigDecimal> values(Instrument instrument, BigDecimal score, Map<String, Integer> items) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        if (instrument == Instrument.ONS4) {
            items.forEach((item, value) -> values.put("ONS4." + item, BigDecimal.valueOf(value)));
        } else {
            values.put(instrument.name(), score);
        }
        return values;
    }

    /** Whether the change from before to after is a meaningful improvement on this scale (see {@link #rule}). */
    public static boolean improved(Scoring scoring, String scale, BigDecimal before, BigDecimal after) {
        BigDecimal change = after.subtract(before);
        return switch (scale) {
            case "SWEMWBS", "WEMWBS" -> change.compareTo(BigDecimal.valueOf(3)) >= 0;
            case "UCLA3" -> change.compareTo(BigDecimal.valueOf(-1)) <= 0;
            default -> {
                String item = scale.substring("ONS4.".length());
                yield scoring.bandRank(item, after.intValue()) > scoring.bandRank(item, before.intValue());
            }
        };
    }

    /** Whether a higher value is better on this scale (UCLA3 measures loneliness, ONS4 anxiety how anxious). */
    public static boolean higherIsBetter(String scale) {
        return !"UCLA3".equals(scale) && !"ONS4.anxiety".equals(scale);
    }

    /**
     * The value from which a later measure counts as a meaningful improvement on this baseline, by {@link #improved}'s
     * rule: at or above it where higher is better, at or below it otherwise; null where the scale leaves no room for one
     * (a baseline already at the top, or in the best ONS band).
     */
    public static BigDecimal improvedAt(Scoring scoring, String scale, BigDecimal baseline) {
        return switch (scale) {
            case "SWEMWBS" -> atMost(baseline.add(BigDecimal.valueOf(3)), BigDecimal.valueOf(35));
            case "WEMWBS" -> atMost(baseline.add(BigDecimal.valueOf(3)), BigDecimal.valueOf(70));
            case "UCLA3" -> baseline.intValue() - 1 < 3 ? null : baseline.subtract(BigDecimal.ONE);
            default -> {
                Integer edge = scoring.nextBetterBand(scale.substring("ONS4.".length()), baseline.intValue());
                yield edge == null ? null : BigDecimal.valueOf(edge);
            }
        };
    }

    private static BigDecimal atMost(BigDecimal value, BigDecimal max) {
        return value.compareTo(max) > 0 ? null : value;
    }

    /** The rule, in words, with its source. */
    public static String rule(String scale) {
        return switch (scale) {
            case "SWEMWBS" -> "at least 3 metric points higher (the meaningful change the commissioners' outcome framework sets for "
                    + "SWEMWBS metric scores)";
            case "WEMWBS" -> "at least 3 points higher (the lower end of WEMWBS's minimal important difference of 3 to 8; "
                    + "Maheswaran et al., Health Qual Life Outcomes 2012)";
            case "UCLA3" -> "at least 1 point lower (one response step on one item; no minimal important difference is published "
                    + "for the 3-item scale, so this is the platform's documented choice)";
            case "ONS4.anxiety" -> "a lower ONS anxiety band (ONS personal well-being thresholds)";
            default -> "a higher ONS band (ONS personal well-being thresholds)";
        };
    }
}

package uk.socialprescribing.outcomes.measure;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.socialprescribing.conventions.InvalidInput;
import uk.socialprescribing.conventions.Problem.FieldError;

/**
 * Scores a completed questionnaire by the published tables shipped in {@code standards/outcomes/}: SWEMWBS raw totals
 * become metric scores by the Warwick conversion table; ONS4 items fall in the ONS threshold bands; UCLA3 and WEMWBS
 * are totals. Answers are checked first: every item present, each in its range, no item of another measure.
 */
@ApplicationScoped
public class Scoring {

    /** A scored questionnaire: the total (none for ONS4), the raw sum where it differs, and each ONS4 item's band. */
    public record Scored(BigDecimal score, Integer raw, Map<String, Integer> items, Map<String, String> bands) {
    }

    /** An answer that is missing, out of range or unknown, named by its item id. */
    public record Problem(String item, String message) {
    }

    /** Every answer that is missing, out of range or unknown, each named by its item id ({@code answers.<item>}). */
    public static class InvalidAnswers extends InvalidInput {
        private final transient List<Problem> problems;

        InvalidAnswers(List<Problem> problems) {
            super(problems.size() + (problems.size() == 1 ? " field is" : " fields are") + " not valid",
                    problems.stream().map(p -> new FieldError("answers." + p.item(), "Answer", p.message())).toList());
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    record Band(String name, int min, int max) {
    }

    private final Map<Integer, BigDecimal> swemwbsMetric;
    private final List<Band> positiveBands;
    private final List<Band> anxietyBands;

    public Scoring() {
        this.swemwbsMetric = readSwemwbs();
        JsonNode ons4 = readJson("standards/outcomes/ons4_bands.json");
        this.positiveBands = bands(ons4.get("thresholds_positive_items"));
        this.anxietyBands = bands(ons4.get("thresholds_anxiety"));
    }

    public Scored score(Instrument instrument, Map<String, Integer> answers) {
        List<Problem> problems = problemsOf(instrument, answers);
        if (!problems.isEmpty()) {
            throw new InvalidAnswers(problems);
        }
        Map<String, Integer> items = new LinkedHashMap<>();
        int sum = 0;
        for (String item : instrument.items()) {
            int value = answers.get(item);
            items.put(item, value);
            sum += value;
        }
        return switch (instrument) {
            case ONS4 -> {
                Map<String, String> bands = new LinkedHashMap<>();
                items.forEach((item, value) -> bands.put(item, band(item, value)));
                yield new Scored(null, null, items, bands);
            }
            case SWEMWBS -> new Scored(swemwbsMetric.get(sum), sum, items, Map.of());
            case UCLA3, WEMWBS -> new Scored(BigDecimal.valueOf(sum), sum, items, Map.of());
        };
    }

    /** Every answer that is unknown, missing or out of range; none when the questionnaire can be scored. */
    public static List<Problem> problemsOf(Instrument instrument, Map<String, Integer> answers) {
        List<Problem> problems = new ArrayList<>();
        for (String given : answers.keySet()) {
            if (!instrument.items().contains(given)) {
                problems.add(new Problem(given, "is not an item of " + instrument + " (its items: " + String.join(", ", instrument.items()) + ")"));
            }
        }
        for (String item : instrument.items()) {
            Integer value = answers.get(item);
            if (value == null) {
                problems.add(new Problem(item, "is missing: " + instrument + " needs all of its " + instrument.items().size() + " items"));
            } else if (value < instrument.min() || value > instrument.max()) {
                problems.add(new Problem(item, "must be between " + instrument.min() + " and " + instrument.max()));
            }
        }
        return problems;
    }

    /** The ONS threshold band of an item's score: anxiety's bands run the other way. */
    public String band(String item, int value) {
        for (Band band : "anxiety".equals(item) ? anxietyBands : positiveBands) {
            if (value >= band.min() && value <= band.max()) {
                return band.name();
            }
        }
        throw new IllegalArgumentException(item + " " + value);
    }

    /** Bands from worst to best: for the positive items low first, for anxiety high first. */
    public int bandRank(String item, int value) {
        List<Band> bands = "anxiety".equals(item) ? anxietyBands : positiveBands;
        for (int i = 0; i < bands.size(); i++) {
            if (value >= bands.get(i).min() && value <= bands.get(i).max()) {
                return "anxiety".equals(item) ? bands.size() - 1 - i : i;
            }
        }
        throw new IllegalArgumentException(item + " " + value);
    }

    /**
     * The score at which an ONS4 item reaches the next better band from this one (the lowest score of the next band up;
     * for anxiety the highest of the next band down), or null where it is already in the best band.
     */
    public Integer nextBetterBand(String item, int value) {
        boolean anxiety = "anxiety".equals(item);
        List<Band> bands = anxiety ? anxietyBands : positiveBands;
        for (int i = 0; i < bands.size(); i++) {
            if (value >= bands.get(i).min() && value <= bands.get(i).max()) {
                if (anxiety) {
                    return i == 0 ? null : bands.get(i - 1).max();
                }
                return i == bands.size() - 1 ? null : bands.get(i + 1).min();
            }
        }
        throw new IllegalArgumentException(item + " " + value);
    }

    public BigDecimal swemwbsMetric(int raw) {
        return swemwbsMetric.get(raw);
    }

    private static Map<Integer, BigDecimal> readSwemwbs() {
        Map<Integer, BigDecimal> table = new HashMap<>();
        try (InputStream in = resource("standards/outcomes/swemwbs_raw_to_metric.csv")) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                table.put(Integer.parseInt(row.get("raw_score")), new BigDecimal(row.get("metric_score")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int raw = 7; raw <= 35; raw++) {
            if (!table.containsKey(raw)) {
                throw new IllegalStateException("The SWEMWBS conversion table has no metric score for raw " + raw);
            }
        }
        return Map.copyOf(table);
    }

    private static JsonNode readJson(String path) {
        try (InputStream in = resource(path)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Band> bands(JsonNode node) {
        List<Band> bands = new ArrayList<>();
        node.forEach(b -> bands.add(new Band(b.get("band").asText(), b.get("min").asInt(), b.get("max").asInt())));
        return List.copyOf(bands);
    }

    private static InputStream resource(String path) {
        InputStream in = Scoring.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("Missing " + path);
        }
        return in;
    }
}

package uk.socialprescribing.web.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;

import uk.socialprescribing.web.WebConfig;

/**
 * The questionnaires a link worker records, as the outcomes API knows them (item ids and each item's range), with the
 * words a person is asked where the app may show them: ONS4's are Crown copyright under the Open Government Licence and
 * ship with the app; SWEMWBS, WEMWBS and UCLA3 are licensed, so their words come only from a file the deploying
 * organisation supplies under its own licence ({@code web.questionnaires}); without it they show item numbers.
 */
@ApplicationScoped
public class Questionnaires {

    /** One question: its id in the API, its number on the paper form, and its words where they may be shown. */
    public record Item(String id, int number, String wording) {
    }

    /** One answer a question takes: the score sent and the words shown with it. */
    public record Answer(int score, String words) {

        /** The score as the form sends it. */
        public String code() {
            return Integer.toString(score);
        }
    }

    /** A questionnaire as the recording page shows it. */
    public record Questionnaire(String code, String name, String about, String introduction, List<Item> items, List<Answer> answers,
            boolean worded) {
    }

    private final Map<String, Questionnaire> all;

    public Questionnaires(WebConfig config) {
        Properties words = read("questionnaires/ons4.properties");
        config.questionnaires().ifPresent(file -> words.putAll(read(file)));
        Map<String, Questionnaire> built = new LinkedHashMap<>();
        built.put("SWEMWBS", build("SWEMWBS", "Short Warwick-Edinburgh Mental Wellbeing Scale (SWEMWBS)",
                "7 questions about the last 2 weeks, each answered 1 to 5", numbered("swemwbs_", 7), 1, 5, words));
        built.put("ONS4", build("ONS4", "ONS personal well-being (ONS4)", "4 questions, each answered 0 to 10",
                List.of("life_satisfaction", "worthwhile", "happiness", "anxiety"), 0, 10, words));
        built.put("UCLA3", build("UCLA3", "UCLA 3-item loneliness scale (UCLA3)", "3 questions, each answered 1 to 3",
                numbered("ucla_", 3), 1, 3, words));
        built.put("WEMWBS", build("WEMWBS", "Warwick-Edinburgh Mental Wellbeing Scale (WEMWBS)",
                "14 questions about the last 2 weeks, each answered 1 to 5", numbered("wemwbs_", 14), 1, 5, words));
        this.all = java.util.Collections.unmodifiableMap(built);
    }

    /** Every questionnaire, in the order the page offers them. */
    public java.util.Collection<Questionnaire> all() {
        return all.values();
    }

    /** The questionnaire of this code, or null. */
    public Questionnaire of(String code) {
        return code == null ? null : all.get(code);
    }

    private static Questionnaire build(String code, String name, String about, List<String> ids, int min, int max, Properties words) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            items.add(new Item(ids.get(i), i + 1, words.getProperty(ids.get(i))));
        }
        String[] answerWords = words.containsKey(code + ".answers") ? words.getProperty(code + ".answers").split("\\|") : new String[0];
        List<Answer> answers = IntStream.rangeClosed(min, max).mapToObj(score -> new Answer(score,
                answerWords.length == max - min + 1 ? answerWords[score - min].strip() : Integer.toString(score))).toList();
        boolean worded = items.stream().allMatch(item -> item.wording() != null);
        return new Questionnaire(code, name, about, words.getProperty(code + ".introduction"), List.copyOf(items), answers, worded);
    }

    private static List<String> numbered(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + i).toList();
    }

    private static Properties read(String resource) {
        try (InputStream in = Questionnaires.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the app");
            }
            return load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(resource, e);
        }
    }

    private static Properties read(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(in);
        } catch (IOException e) {
            throw new IllegalStateException("web.questionnaires: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Properties load(Reader in) throws IOException {
        Properties properties = new Properties();
        properties.load(in);
        return properties;
    }
}

package uk.socialprescribing.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (vendored, src/test/resources/axe) run in the page the browser shows: no WCAG 2.2 A or AA violation, each
 * one named with its rule, its impact and the elements it found, so that a failure says what to fix.
 */
final class Accessibility {

    static final List<String> WCAG_A_AND_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    private static String axe;

    private Accessibility() {
    }

    static void check(WebDriver browser, String page) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(source());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
                        + ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                        + " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))))"
                        + ".catch(e => done([{id: 'axe-failed', impact: 'critical', help: String(e), nodes: []}]));",
                WCAG_A_AND_AA);
        String found = violations.stream().map(v -> v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " at " + v.get("nodes"))
                .collect(Collectors.joining("\n  "));
        assertEquals(0, violations.size(), page + " has accessibility violations:\n  " + found);
    }

    private static synchronized String source() {
        if (axe == null) {
            try (InputStream in = Accessibility.class.getResourceAsStream("/axe/axe.min.js")) {
                axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return axe;
    }
}

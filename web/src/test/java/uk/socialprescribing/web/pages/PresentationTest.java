package uk.socialprescribing.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.socialprescribing.web.api.ApiProblem;
import uk.socialprescribing.web.api.Page;

/** What the pages write: dates and times as the NHS writes them, in England's time; codes in words; paging; errors. */
class PresentationTest {

    @Test
    void datesAndTimesAreEnglandsInTheNhsStyle() {
        // summer: British Summer Time, an hour ahead of UTC; winter: GMT
        assertEquals("1 July 2026 at 2:30pm", Formats.dateTime(Instant.parse("2026-07-01T13:30:00Z")));
        assertEquals("4 December 2026 at 10am", Formats.dateTime(Instant.parse("2026-12-04T10:00:00Z")));
        assertEquals("12pm", Formats.time(Instant.parse("2026-12-04T12:00:00Z")));
        // just before midnight UTC in summer is the next day in England
        assertEquals("2 July 2026", Formats.date(Instant.parse("2026-07-01T23:30:00Z")));
        assertEquals("2026-07-02", Formats.fieldDate(Instant.parse("2026-07-01T23:30:00Z")));
        assertEquals("3 September 2026", Formats.date(LocalDate.of(2026, 9, 3)));
        assertEquals("1 day", Formats.days(1));
        assertEquals("0 days", Formats.days(0));
    }

    @Test
    void codesAreInWordsAndAnUnknownCodeIsShownAsItIs() {
        assertEquals("Missed two sessions in a row", Labels.flag("missed-two-in-a-row"));
        assertEquals("a-new-flag", Labels.flag("a-new-flag"));
        assertEquals("first conversation", Labels.sessionKindInText("initial-conversation"));
        assertEquals("home visit", Labels.sessionModeInText("home-visit"));
        assertEquals("943 476 5919", Labels.nhsNumber("9434765919"));
        assertEquals("Not given", Labels.nhsNumber(null));
        assertEquals("Polish", Labels.language("pl"));
        assertEquals("English", Labels.language("en"));
        assertEquals("Not given", Labels.language(""));
    }

    @Test
    void aPageLinksToItsNeighboursKeepingTheFiltersInTheAddress() {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("flag", "follow-up-overdue");
        filters.put("none", null);
        Paging middle = Paging.of(new Page<>(57, 3, 2, 25, List.of()), "/caseload", filters);
        assertEquals("/caseload?flag=follow-up-overdue", middle.previous());
        assertEquals("/caseload?flag=follow-up-overdue&page=3", middle.next());
        assertEquals("Showing 26 to 50 of 57", middle.showing());
        Paging last = Paging.of(new Page<>(57, 3, 3, 25, List.of()), "/triage", Map.of());
        assertEquals("/triage?page=2", last.previous());
        assertEquals(null, last.next());
        assertEquals("Showing 51 to 57 of 57", last.showing());
        assertEquals("", Paging.of(new Page<>(3, 1, 1, 25, List.of()), "/triage", Map.of()).showing());
    }

    @Test
    void theApisProblemIsPutAgainstThePagesFieldsInThePagesWords() {
        ApiProblem problem = new ApiProblem(new ApiProblem.Problem(null, "The request is not valid", 400, "2 fields are not valid", List.of(
                new ApiProblem.FieldError("scheduledFor", "NotBeforeReferral", "is before the referral was received (2026-12-01T09:00:00Z)"),
                new ApiProblem.FieldError("somethingElse", "Size", "must be shorter"))), null);
        Form form = new Form("schedule").value("day", "1").problem(problem, Map.of("scheduledFor", "day"),
                Map.of("NotBeforeReferral", "Enter a date and time after the referral arrived"));
        assertEquals("Enter a date and time after the referral arrived", form.error("day"));
        assertEquals("Must be shorter", form.error("form"));
        assertEquals("#day", form.errors().get(0).href());
        assertFalse(form.valid());
        assertTrue(form.is("schedule"));

        Form stale = new Form("close").problem(new ApiProblem(new ApiProblem.Problem(null, "Precondition Failed", 412,
                "The case changed since you read it", null), "\"4\""), Map.of());
        assertEquals("The case changed since you read it", stale.error("form"));
    }

    @Test
    void aLanguageIsTypedByItsEnglishNameOrItsTagAndWhatThePageShowsComesBackAsItWas() {
        assertEquals("pl", LinkWorkerPage.languageCode("Polish"));
        assertEquals("pl", LinkWorkerPage.languageCode("polish"));
        assertEquals("yo", LinkWorkerPage.languageCode("Yoruba"));
        assertEquals("en", LinkWorkerPage.languageCode("EN"));
        assertEquals("en-GB", LinkWorkerPage.languageCode("en-GB"));
        assertEquals(null, LinkWorkerPage.languageCode("Klingonish"));
        assertEquals(null, LinkWorkerPage.languageCode("en_GB"));
        // a code the page has no name for is shown as the code, and saving the page again keeps it
        for (String code : List.of("en", "yo", "pa", "zz", "cy")) {
            assertEquals(code, LinkWorkerPage.languageCode(Labels.language(code)), code);
        }
    }
}

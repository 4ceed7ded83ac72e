package uk.socialprescribing.web.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/**
 * Dates and times as the NHS writes them ("4 December 2026", "4 December 2026 at 2:30pm"), in England's time whatever
 * the server's zone; used in templates as {@code {when.date}}, {@code {when.dateTime}}, {@code {when.time}}.
 */
@TemplateExtension
public final class Formats {

    public static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);
    private static final DateTimeFormatter FIELD_DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter FIELD_TIME = DateTimeFormatter.ofPattern("HH:mm");

    private Formats() {
    }

    public static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(ENGLAND));
    }

    public static String date(LocalDate day) {
        return day == null ? "" : DATE.format(day);
    }

    /** 2:30pm, 10am: the NHS style (lower case, no minutes on the hour, 12pm for midday). */
    public static String time(Instant instant) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime at = instant.atZone(ENGLAND);
        String time = TIME.format(at).toLowerCase(Locale.UK);
        return at.getMinute() == 0 ? time.replace(":00", "") : time;
    }

    public static String dateTime(Instant instant) {
        return instant == null ? "" : date(instant) + " at " + time(instant);
    }

    /** The value of a date field (yyyy-mm-dd) for this instant's day in England. */
    public static String fieldDate(Instant instant) {
        return instant == null ? "" : FIELD_DATE.format(instant.atZone(ENGLAND));
    }

    public static String fieldTime(Instant instant) {
        return instant == null ? "" : FIELD_TIME.format(instant.atZone(ENGLAND));
    }

    /** "4 Dec 2026": where space is short, as under a chart's point. */
    public static String shortDate(LocalDate day) {
        return day == null ? "" : SHORT_DATE.format(day);
    }

    /** A score as people read it: 23.21, 5, -1.5 (no trailing zeros); {@code {score.plain}}. */
    public static String plain(java.math.BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    /** A change with its sign: +3.23, -2, 0. */
    public static String signed(java.math.BigDecimal value) {
        return value == null ? "" : (value.signum() > 0 ? "+" : "") + plain(value);
    }

    /** "1 day", "3 days". */
    public static String days(long days) {
        return days == 1 ? "1 day" : days + " days";
    }
}

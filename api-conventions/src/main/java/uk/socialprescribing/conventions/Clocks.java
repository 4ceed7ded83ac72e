package uk.socialprescribing.conventions;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.quarkus.arc.DefaultBean;

/**
 * The one clock every service reads the time from, and the one zone its days are counted in. The clock ticks in
 * microseconds, PostgreSQL's precision, so a moment read back from the database equals the one written and no call
 * site truncates. Inject {@link Clock}; a test may replace it with an alternative bean.
 */
@ApplicationScoped
public class Clocks {

    /** England's days: due dates, "today", months and quarters of the metrics. */
    public static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    @Produces
    @ApplicationScoped
    @DefaultBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    /** Today in England, by this clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ENGLAND);
    }
}

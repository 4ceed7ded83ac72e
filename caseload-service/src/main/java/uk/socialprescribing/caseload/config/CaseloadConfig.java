package uk.socialprescribing.caseload.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's own settings (application.properties, prefix caseload). */
@ConfigMapping(prefix = "caseload")
public interface CaseloadConfig {

    /** A case's first contact is late after this long from its referral. */
    @WithDefault("P14D")
    Duration firstContactTarget();

    /** A case with no session booked this long after its last one is flagged follow-up-overdue. */
    @WithDefault("P21D")
    Duration followUpInterval();

    /** How long before its time a session may be recorded as attended or missed (clocks differ; cancellations any time). */
    @WithDefault("PT10M")
    Duration sessionRecordLeeway();

    DemoData demoData();

    interface DemoData {
        /** Local demo only (the demo profile): a team of link workers, and a history for their first cases. */
        @WithDefault("false")
        boolean enabled();

        /** How many of the demo cases get a history. */
        @WithDefault("24")
        int caseloads();
    }
}

package uk.socialprescribing.outcomes.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's own settings (application.properties, prefix outcomes). */
@ConfigMapping(prefix = "outcomes")
public interface OutcomesConfig {

    DemoData demoData();

    interface DemoData {
        /** Local demo only (the demo profile): outcome measures for the demo cases once they are assigned. */
        @WithDefault("false")
        boolean enabled();

        /** How many of the demo cases get measures. */
        @WithDefault("24")
        int cases();
    }
}

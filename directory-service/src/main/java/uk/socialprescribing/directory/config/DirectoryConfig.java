package uk.socialprescribing.directory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's own settings (application.properties, prefix directory). */
@ConfigMapping(prefix = "directory")
public interface DirectoryConfig {

    /** Where the ORUK feed is reached from outside, for its own links (api_details, pages). */
    @WithDefault("http://127.0.0.1:8080")
    String publicBaseUrl();

    DemoData demoData();

    interface DemoData {
        /** Local demo only (the demo profile), and the tests: realistic listings of fictional organisations on first start. */
        @WithDefault("false")
        boolean enabled();
    }
}

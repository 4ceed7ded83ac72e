package uk.socialprescribing.directory.config;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's own settings (application.properties, prefix directory). */
@ConfigMapping(prefix = "directory")
public interface DirectoryConfig {

    /** Where the ORUK feed is reached from outside, for its own links (api_details, pages). */
    @WithDefault("http://127.0.0.1:8080")
    String publicBaseUrl();

    DemoData demoData();

    Feeds feeds();

    interface Feeds {
        /**
         * Address blocks an imported ORUK feed may be on besides public addresses (CIDR: 10.20.0.0/16; loopback in the
         * dev, test and demo profiles). Loopback, private, link-local and metadata addresses are refused otherwise.
         */
        Optional<List<String>> allowedAddresses();
    }

    interface DemoData {
        /** Local demo only (the demo profile), and the tests: realistic listings of fictional organisations on first start. */
        @WithDefault("false")
        boolean enabled();
    }
}

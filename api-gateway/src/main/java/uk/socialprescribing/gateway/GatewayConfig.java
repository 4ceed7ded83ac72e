package uk.socialprescribing.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Base URL of each service, by service name. */
    Map<String, URI> upstreams();

    /** How long an upstream may take to answer. */
    Duration upstreamTimeout();
}

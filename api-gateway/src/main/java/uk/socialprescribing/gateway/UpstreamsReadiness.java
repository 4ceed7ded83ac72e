package uk.socialprescribing.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when every service is: each upstream's own readiness, reported by name. */
@Readiness
@ApplicationScoped
public class UpstreamsReadiness implements HealthCheck {

    private final GatewayConfig config;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public UpstreamsReadiness(GatewayConfig config) {
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder answer = HealthCheckResponse.named("upstreams").up();
        Map<String, URI> upstreams = new TreeMap<>(config.upstreams());
        upstreams.forEach((name, url) -> {
            String state = readiness(url);
            answer.withData(name, state);
            if (!"UP".equals(state)) {
                answer.down();
            }
        });
        return answer.build();
    }

    private String readiness(URI upstream) {
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(upstream.resolve("/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? "UP" : "DOWN (readiness answered " + response.statusCode() + ")";
        } catch (IOException e) {
            return "DOWN (not answering at " + upstream + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "DOWN (interrupted)";
        }
    }
}

package uk.socialprescribing.web;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Every answer's security headers. The Content-Security-Policy allows scripts, styles, images and fonts from the app
 * itself only (no inline script, no inline style, no CDN), forms to post to the app or to the sign-in service (where a
 * form sent after the session ended is redirected), and no framing. Pages hold personal data, so no page is cached or
 * sent as a referrer; the design system's files are.
 */
@ApplicationScoped
public class SecurityHeaders {

    private final String policy;

    public SecurityHeaders(@ConfigProperty(name = "quarkus.oidc.auth-server-url") URI issuer) {
        String signIn = issuer.getScheme() + "://" + issuer.getAuthority();
        this.policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
                + "form-action 'self' " + signIn + "; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    }

    void install(@Observes Router router) {
        router.route().order(-100).handler(this::headers);
    }

    void headers(RoutingContext routing) {
        var headers = routing.response().headers();
        headers.set("Content-Security-Policy", policy);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        String path = routing.normalizedPath();
        if (!path.startsWith("/nhsuk-frontend/") && !path.startsWith("/css/") && !path.startsWith("/js/")) {
            headers.set("Cache-Control", "no-store");
        }
        routing.next();
    }
}

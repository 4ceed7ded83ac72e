package uk.socialprescribing.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/** Anything no other route took (Quarkus' own /q/ paths aside): not a path of this API, as a problem. */
@ApplicationScoped
public class NotFoundRoute {

    void install(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE - 1).handler(ctx -> {
            if (ctx.normalizedPath().startsWith("/q/")) {
                ctx.next();
                return;
            }
            Problems.send(ctx.response(), 404, "http-404", "Not Found", "Nothing is found at this path", ctx.normalizedPath());
        });
    }
}

package uk.socialprescribing.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/** Each service's OpenAPI document (for the Swagger UI), the platform's one merged document, and the event catalogue. */
@ApplicationScoped
public class ApiDocumentRoutes {

    void install(@Observes Router router, Vertx vertx, GatewayConfig config, Upstreams upstreams, ApiCatalogue catalogue) {
        // each service's OpenAPI document, for the Swagger UI at /q/swagger-ui
        config.upstreams().forEach((name, upstream) -> {
            HttpProxy openApi = HttpProxy.reverseProxy(upstreams.client())
                    .origin(upstream.getPort(), upstream.getHost())
                    .addInterceptor(new ProxyInterceptor() {
                        @Override
                        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
                            context.request().setURI("/q/openapi?format=json");
                            return context.sendRequest();
                        }
                    })
                    .addInterceptor(new UpstreamGuard(name, upstreams.breaker(name), config, vertx));
            router.get("/openapi/" + name).handler(ctx -> openApi.handle(ctx.request()));
        });

        // one API document for partners (every service's operations) and the event catalogue
        router.get("/q/openapi").blockingHandler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
                .end(catalogue.openApi().toString()));
        String asyncApi = catalogue.asyncApi();
        router.get("/asyncapi.json").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json").end(asyncApi));
    }
}

package uk.socialprescribing.gateway;

import io.vertx.core.Future;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Tells the service who called and at which address: X-Forwarded-For (the client's address, for per-client
 * limits), X-Forwarded-Proto and X-Forwarded-Host (for Location headers and links at the public address). This
 * gateway is the edge, so whatever forwarding headers a client sent are dropped first, never passed on.
 */
public final class ForwardedHeaders implements ProxyInterceptor {
    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        var incoming = context.request().proxiedRequest();
        var headers = context.request().headers();
        for (String name : new String[] { "Forwarded", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host",
                "X-Forwarded-Port", "X-Forwarded-Prefix" }) {
            headers.remove(name);
        }
        if (incoming.remoteAddress() != null) {
            headers.set("X-Forwarded-For", incoming.remoteAddress().hostAddress());
        }
        headers.set("X-Forwarded-Proto", incoming.scheme() == null ? "http" : incoming.scheme());
        if (incoming.authority() != null) {
            headers.set("X-Forwarded-Host", incoming.authority().toString());
        }
        return context.sendRequest();
    }
}

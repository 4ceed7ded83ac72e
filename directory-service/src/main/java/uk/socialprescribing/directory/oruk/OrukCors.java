package uk.socialprescribing.directory.oruk;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** ORUK feeds are for anyone, from any web page: every /oruk answer, problems included, allows any origin. */
public class OrukCors {

    @ServerResponseFilter
    public void allowAnyOrigin(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getUriInfo().getPath().startsWith("/oruk")) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", "*");
        }
    }
}

package uk.socialprescribing.web.session;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.vertx.ext.web.RoutingContext;

/**
 * Cross-site request forgery: every form carries the signed-in session's own token ({@code {inject:form.token}} in a
 * template, as the hidden field {@value #FIELD}) and every form sent back must carry it, or it is refused with a page
 * that says so ({@link FormTokenCheck}). The token lives with the session on the server ({@link ServerSideSessions}). (The Quarkus extension
 * for this, quarkus-rest-csrf, is not served at the platform's Quarkus version here; this is the same synchronizer
 * token pattern, with the cookie's SameSite=Lax as a second line.)
 */
@RequestScoped
@Named("form")
public class FormTokens {

    public static final String FIELD = "csrf-token";

    private final RoutingContext routing;

    public FormTokens(RoutingContext routing) {
        this.routing = routing;
    }

    /** The token this session's forms carry. */
    public String token() {
        String token = routing.get(ServerSideSessions.FORM_TOKEN);
        if (token == null) {
            throw new IllegalStateException("no signed-in session on this request");
        }
        return token;
    }

    /** The field name, for templates. */
    /**
     * A key for this one rendering of a form that creates something, sent back as the API's Idempotency-Key: a form
     * sent twice (a double click, a resend after a lost answer) creates it once. Each rendering has a new one, so a
     * form sent again after an error is a new request.
     */
    public String once() {
        return java.util.UUID.randomUUID().toString();
    }

    public String field() {
        return FIELD;
    }
}

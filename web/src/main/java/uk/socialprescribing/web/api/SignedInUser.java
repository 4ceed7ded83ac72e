package uk.socialprescribing.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

/** Every call to the gateway carries the signed-in person's own access token: the app has no rights of its own. */
public class SignedInUser implements ClientRequestFilter {

    @Inject
    SecurityIdentity identity;

    @Override
    public void filter(ClientRequestContext request) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            throw new IllegalStateException("a call to the gateway outside a signed-in request");
        }
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
    }
}

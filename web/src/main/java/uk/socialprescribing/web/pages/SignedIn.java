package uk.socialprescribing.web.pages;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/** The person signed in, as the pages show them: their name, their role, and the menu their role has. */
@RequestScoped
@Named("user")
public class SignedIn {

    public static final String LINK_WORKER = "link-worker";
    public static final String LEAD = "link-worker-lead";

    /** An entry of the header's menu. */
    public record MenuItem(String href, String label, boolean current) {
    }

    private final SecurityIdentity identity;
    private final RoutingContext routing;

    @Inject
    @IdToken
    JsonWebToken idToken;

    public SignedIn(SecurityIdentity identity, RoutingContext routing) {
        this.identity = identity;
        this.routing = routing;
    }

    public String displayName() {
        String name = idToken == null ? null : idToken.getClaim("name");
        return name == null || name.isBlank() ? identity.getPrincipal().getName() : name;
    }

    public boolean lead() {
        return identity.hasRole(LEAD);
    }

    public boolean linkWorker() {
        return identity.hasRole(LINK_WORKER) || lead();
    }

    public String roleName() {
        return lead() ? "Lead link worker" : linkWorker() ? "Link worker" : "No link worker role";
    }

    public List<MenuItem> menu() {
        String path = routing.normalizedPath();
        List<MenuItem> items = new ArrayList<>();
        if (linkWorker()) {
            items.add(new MenuItem("/caseload", "My caseload", path.startsWith("/caseload") || path.startsWith("/cases")));
            items.add(new MenuItem("/triage", "Triage", path.startsWith("/triage") || path.startsWith("/referrals")));
        }
        if (lead()) {
            items.add(new MenuItem("/team", "Team", path.startsWith("/team")));
        }
        return items;
    }
}

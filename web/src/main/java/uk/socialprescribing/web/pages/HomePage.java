package uk.socialprescribing.web.pages;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;

/** The front page sends each person to their own start (a lead to the team, a link worker to their caseload); and the pages anyone may see. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    private final SignedIn user;

    public HomePage(SignedIn user) {
        this.user = user;
    }

    @GET
    public Response start() {
        if (user.lead()) {
            return Response.seeOther(URI.create("/team")).build();
        }
        if (user.linkWorker()) {
            return Response.seeOther(URI.create("/caseload")).build();
        }
        return Pages.problemPage(403, "This service is for link workers",
                "You are signed in, but your account has no link worker role. Ask your service's administrator to add it.");
    }

    @GET
    @Path("signed-out")
    @PermitAll
    public TemplateInstance signedOut() {
        return Pages.signedOut();
    }

    @GET
    @Path("about")
    public TemplateInstance about() {
        return Pages.about();
    }
}

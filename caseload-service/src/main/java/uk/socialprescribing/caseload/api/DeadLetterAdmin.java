package uk.socialprescribing.caseload.api;

import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.socialprescribing.messaging.deadletter.DeadLetterResource;

/** The admin's list of this service's dead letters, and their replay (see {@link DeadLetterResource}). */
@Path("/api/caseload/admin/dead-letters")
@Tag(name = "Dead letters")
public class DeadLetterAdmin extends DeadLetterResource {
}

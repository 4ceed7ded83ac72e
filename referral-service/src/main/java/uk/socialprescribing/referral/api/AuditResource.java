package uk.socialprescribing.referral.api;

import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.socialprescribing.audit.PersonalDataReadResource;

/** Who read which referral, when and why (see {@link PersonalDataReadResource}): the subject is the referral. */
@Path("/api/referrals/audit")
@Tag(name = "Audit")
public class AuditResource extends PersonalDataReadResource {
}

package uk.socialprescribing.caseload.api;

import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.socialprescribing.audit.PersonalDataReadResource;

/**
 * Who read a case's plan and notes, when and why (see {@link PersonalDataReadResource}): the subject is the case.
 * Cases carry no identity; referral-service audits the reads of who the person is.
 */
@Path("/api/caseload/audit")
@Tag(name = "Audit")
public class AuditResource extends PersonalDataReadResource {
}

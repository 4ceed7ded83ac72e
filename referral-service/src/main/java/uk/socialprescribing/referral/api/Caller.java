package uk.socialprescribing.referral.api;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import uk.socialprescribing.conventions.Coded;
import uk.socialprescribing.conventions.Roles;
import uk.socialprescribing.referral.domain.ReferrerKind;
import uk.socialprescribing.referral.service.Viewer;

/**
 * Who the caller is, from their token: the role decides the scope, a tenant claim its key ({@code ods_code} or
 * {@code organisation_id} for a referrer, {@code pcn} for link workers and leads). A token without the claim its
 * role needs is refused (403), never widened.
 */
@RequestScoped
public class Caller {

    /** A referrer organisation: its key, whether it is an NHS organisation (ODS code), and its kind. */
    public record ReferringOrganisation(String key, boolean nhs, ReferrerKind kind) {
    }

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** The caller's user or client name (the token's preferred_username, else its subject). */
    public String name() {
        return identity.getPrincipal().getName();
    }

    /** The caller as a reader of referrals, by the widest role they hold. */
    public Viewer viewer() {
        if (identity.hasRole(Roles.ADMIN)) {
            return Viewer.admin(name());
        }
        if (identity.hasRole(Roles.LINK_WORKER) || identity.hasRole(Roles.LINK_WORKER_LEAD)) {
            return Viewer.linkWorker(name(), claim("pcn"));
        }
        if (identity.hasRole(Roles.REFERRER)) {
            return Viewer.referrer(name(), referringOrganisation().key());
        }
        throw new ForbiddenException("Your role does not allow reading referrals");
    }

    /** A link worker or lead, of the PCN their token names. */
    public Viewer triager() {
        Object name = token.getClaim("name");
        return Viewer.linkWorker(name(), claim("pcn")).named(name == null ? null : name.toString());
    }

    /**
     * The organisation a referrer's token names: an NHS organisation by {@code ods_code} (a GP practice unless its
     * {@code referrer_kind} says pharmacy or hospital), or another agency by {@code organisation_id}, whose
     * {@code referrer_kind} (housing, police, …) is required.
     */
    public ReferringOrganisation referringOrganisation() {
        String ods = token.getClaim("ods_code");
        String organisationId = token.getClaim("organisation_id");
        String kindClaim = token.getClaim("referrer_kind");
        if (ods != null && !ods.isBlank()) {
            ReferrerKind kind = kindClaim == null ? ReferrerKind.GP_PRACTICE : kindOf(kindClaim);
            if (!kind.mustGiveNhsNumber()) {
                throw new ForbiddenException("The token's referrer_kind " + kindClaim + " is not an NHS organisation's");
            }
            return new ReferringOrganisation(ods.strip(), true, kind);
        }
        if (organisationId != null && !organisationId.isBlank()) {
            if (kindClaim == null) {
                throw new ForbiddenException("The token names an organisation but no referrer_kind");
            }
            ReferrerKind kind = kindOf(kindClaim);
            if (kind.mustGiveNhsNumber() || kind == ReferrerKind.SELF) {
                throw new ForbiddenException("The token's referrer_kind " + kindClaim + " needs an ods_code");
            }
            return new ReferringOrganisation(organisationId.strip(), false, kind);
        }
        throw new ForbiddenException("The token names no organisation (claim ods_code or organisation_id)");
    }

    private static ReferrerKind kindOf(String claim) {
        return Coded.fromCode(ReferrerKind.class, claim)
                .orElseThrow(() -> new ForbiddenException("The token's referrer_kind " + claim + " is not one we know"));
    }

    private String claim(String name) {
        Object value = token.getClaim(name);
        if (value == null || value.toString().isBlank()) {
            throw new ForbiddenException("The token names no " + name + " (claim " + name + ")");
        }
        return value.toString().strip();
    }
}

package uk.socialprescribing.referral.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Who referred: the kind of referrer, its organisation (from the caller's token, never from the body: the ODS code
 * of an NHS organisation, or the platform's organisation id of another agency) and the professional who referred.
 * A self-referral has no organisation.
 */
@Embeddable
public class Referrer {

    @Column(name = "referrer_kind", nullable = false)
    private ReferrerKind kind;
    @Column(name = "referrer_organisation")
    private String organisation;
    @Column(name = "referrer_ods_code")
    private String odsCode;
    @Column(name = "referrer_name")
    private String name;
    @Column(name = "referrer_role")
    private String role;
    @Column(name = "referrer_phone")
    private String phone;
    @Column(name = "referrer_email")
    private String email;

    protected Referrer() {
    }

    private Referrer(ReferrerKind kind, String organisation, String odsCode, String name, String role, String phone, String email) {
        this.kind = kind;
        this.organisation = organisation;
        this.odsCode = odsCode;
        this.name = name;
        this.role = role;
        this.phone = phone;
        this.email = email;
    }

    /** An NHS organisation, known by its ODS code. */
    public static Referrer nhsOrganisation(ReferrerKind kind, String odsCode, Professional professional) {
        return new Referrer(kind, odsCode, odsCode, professional.name(), professional.role(), professional.phone(), professional.email());
    }

    /** Another agency (housing, police, a charity…), known by its platform organisation id. */
    public static Referrer agency(ReferrerKind kind, String organisationId, Professional professional) {
        return new Referrer(kind, organisationId, null, professional.name(), professional.role(), professional.phone(), professional.email());
    }

    public static Referrer self() {
        return new Referrer(ReferrerKind.SELF, null, null, null, null, null, null);
    }

    /** The professional who made the referral. */
    public record Professional(String name, String role, String phone, String email) {
    }

    public ReferrerKind kind() {
        return kind;
    }

    /** The organisation key a referrer's token is matched against: ODS code or organisation id. */
    public String organisation() {
        return organisation;
    }

    public String odsCode() {
        return odsCode;
    }

    public Professional professional() {
        return name == null ? null : new Professional(name, role, phone, email);
    }
}

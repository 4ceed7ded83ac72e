package uk.socialprescribing.referral.domain;

import java.time.LocalDate;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import uk.socialprescribing.reference.NhsNumber;

/**
 * The person referred: identity, contact and communication needs. Personal data: it stays in referral-service;
 * events carry the referral id, never these fields.
 */
@Embeddable
public class Person {

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "nhs_number", length = 10)
    private String nhsNumber;
    @Column(name = "given_name", nullable = false)
    private String givenName;
    @Column(name = "family_name", nullable = false)
    private String familyName;
    @Column(name = "date_of_birth", nullable = false)
    private LocalDate dateOfBirth;
    @Column(name = "address_line1")
    private String addressLine1;
    @Column(name = "address_line2")
    private String addressLine2;
    @Column(name = "town")
    private String town;
    @Column(name = "postcode")
    private String postcode;
    @Column(name = "phone")
    private String phone;
    @Column(name = "email")
    private String email;
    @Column(name = "preferred_contact")
    private ContactMethod preferredContact;
    @Column(name = "language")
    private String language;
    @Column(name = "interpreter_needed", nullable = false)
    private boolean interpreterNeeded;
    @Column(name = "accessibility_needs")
    private String accessibilityNeeds;

    protected Person() {
    }

    public Person(NhsNumber nhsNumber, String givenName, String familyName, LocalDate dateOfBirth, Address address,
            String phone, String email, ContactMethod preferredContact, String language, boolean interpreterNeeded,
            String accessibilityNeeds) {
        this.nhsNumber = nhsNumber == null ? null : nhsNumber.value();
        this.givenName = givenName;
        this.familyName = familyName;
        this.dateOfBirth = dateOfBirth;
        if (address != null) {
            this.addressLine1 = address.line1();
            this.addressLine2 = address.line2();
            this.town = address.town();
            this.postcode = address.postcode();
        }
        this.phone = phone;
        this.email = email;
        this.preferredContact = preferredContact;
        this.language = language;
        this.interpreterNeeded = interpreterNeeded;
        this.accessibilityNeeds = accessibilityNeeds;
    }

    /** A postal address; the postcode is normalised to upper case with one space (HG1 1QX). */
    public record Address(String line1, String line2, String town, String postcode) {
        public Address {
            postcode = normalisePostcode(postcode);
        }

        public static String normalisePostcode(String postcode) {
            if (postcode == null || postcode.isBlank()) {
                return null;
            }
            String compact = postcode.replace(" ", "").toUpperCase(Locale.ROOT);
            return compact.length() > 3 ? compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3) : compact;
        }
    }

    public String nhsNumber() {
        return nhsNumber;
    }

    public String givenName() {
        return givenName;
    }

    public String familyName() {
        return familyName;
    }

    public LocalDate dateOfBirth() {
        return dateOfBirth;
    }

    public Address address() {
        return addressLine1 == null && town == null && postcode == null ? null
                : new Address(addressLine1, addressLine2, town, postcode);
    }

    public String postcode() {
        return postcode;
    }

    public String phone() {
        return phone;
    }

    public String email() {
        return email;
    }

    public ContactMethod preferredContact() {
        return preferredContact;
    }

    public String language() {
        return language;
    }

    public boolean interpreterNeeded() {
        return interpreterNeeded;
    }

    public String accessibilityNeeds() {
        return accessibilityNeeds;
    }
}

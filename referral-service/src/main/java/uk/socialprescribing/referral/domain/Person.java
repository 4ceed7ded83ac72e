package uk.socialprescribing.referral.domain;

import java.time.LocalDate;

/** The person referred. Personal data: it stays in referral-service. */
public record Person(String nhsNumber, String givenName, String familyName, LocalDate dateOfBirth, String contactPhone) {
}

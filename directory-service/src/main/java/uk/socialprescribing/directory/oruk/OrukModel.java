package uk.socialprescribing.directory.oruk;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The Open Referral UK 3.0 objects as the public API returns them: snake_case names, and optional fields left out
 * rather than sent empty or null (the standard's rule).
 */
public final class OrukModel {

    private OrukModel() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ApiDetails(String version, String profile, String openapiUrl) {
    }

    /** One page, as ORUK pages every list. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Page<T>(long totalItems, int totalPages, int pageNumber, int size, boolean firstPage, boolean lastPage, boolean empty,
            List<T> contents) {

        public static <T> Page<T> of(List<T> contents, long total, int pageNumber, int perPage) {
            int pages = (int) ((total + perPage - 1) / perPage);
            return new Page<>(total, pages, pageNumber, contents.size(), pageNumber == 1, pageNumber >= pages, contents.isEmpty(), contents);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Organization(UUID id, String name, String description, String email, String website) {
    }

    /** A service: the list shows it with its organization; the full read adds what it is, where, when and at what cost. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Service(UUID id, UUID organizationId, String name, String description, String status, Integer minimumAge,
            Integer maximumAge, LocalDate assuredDate, Instant lastModified, Organization organization, List<Schedule> schedules,
            List<ServiceAtLocation> serviceAtLocations, List<CostOption> costOptions, List<Attribute> attributes,
            ServiceCapacity serviceCapacity, List<Language> languages, List<Contact> contacts) {
    }

    /** A language the service is run in (HSDS 3.0: name and ISO 639 code). */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Language(UUID id, UUID serviceId, String name, String code) {
    }

    /** Whom to ask about the service, with their phone. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Contact(UUID id, UUID serviceId, String name, String email, List<Phone> phones) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Phone(UUID id, UUID contactId, String number) {
    }

    /** An access feature of a location: its words, and our code for it as the details. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Accessibility(UUID id, UUID locationId, String description, String details) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Schedule(UUID id, UUID serviceId, String freq, String byday, String opensAt, String closesAt, String description) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CostOption(UUID id, UUID serviceId, String option, BigDecimal amount, String currency, String amountDescription) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ServiceAtLocation(UUID id, UUID serviceId, UUID locationId, Location location, Service service) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Location(UUID id, String locationType, String name, BigDecimal latitude, BigDecimal longitude, List<Address> addresses,
            List<Accessibility> accessibility) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Address(UUID id, UUID locationId, @JsonProperty("address_1") String address1, String city, String stateProvince, String postalCode, String country,
            String addressType) {
    }

    /** A service's classification: a link to a taxonomy term. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Attribute(UUID id, UUID linkId, UUID taxonomyTermId, String linkType, String linkEntity, TaxonomyTerm taxonomyTerm) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Taxonomy(UUID id, String name, String description, String uri, String version) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TaxonomyTerm(UUID id, String name, String description, UUID parentId, String taxonomy, UUID taxonomyId, String term,
            String code) {
    }

    /** HSDS 3.2's live capacity, ahead of ORUK 3.0 (which allows the extra field). */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ServiceCapacity(UUID id, UUID serviceId, Integer available, Integer maximum, String unit, Instant updated) {
    }
}

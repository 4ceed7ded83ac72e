package uk.socialprescribing.directory.domain;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.socialprescribing.conventions.Clocks;
import uk.socialprescribing.conventions.Coded;
import uk.socialprescribing.conventions.CodedConverter;

/**
 * A service in the directory (an HSDS "service"): an activity people can be connected to. Over 300 lines: its details,
 * moderation, capacity and assurance are one aggregate, with the codes of its moderation and status.
 */
@Entity
@Table(name = "service")
public class Listing {

    /** Whether a listing may be shown: a partner's new listing waits for admin's approval (admin's own are approved). */
    public enum Moderation implements Coded {
        PENDING("pending"), APPROVED("approved"), REJECTED("rejected");

        private final String code;

        Moderation(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }

        /** Stored by its code. */
        @Converter(autoApply = true)
        public static class ByCode extends CodedConverter<Moderation> {
            public ByCode() {
                super(Moderation.class);
            }
        }
    }

    /** A service's status as ORUK/HSDS names it: active, or defunct once withdrawn. */
    public enum Status implements Coded {
        ACTIVE("active"), DEFUNCT("defunct");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }

        /** Stored by its code. */
        @Converter(autoApply = true)
        public static class ByCode extends CodedConverter<Status> {
            public ByCode() {
                super(Status.class);
            }
        }
    }

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id")
    private Organization organization;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String description;

    @Column(nullable = false)
    private String category;

    @Column(nullable = false)
    private Status status;

    private String venue;
    private String town;
    private String postcode;
    private String schedule;
    private String cost;

    @Column(name = "capacity_maximum")
    private Integer capacityMaximum;

    @Column(name = "capacity_available")
    private Integer capacityAvailable;

    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    @Column(name = "assured_date", nullable = false)
    private LocalDate assuredDate;

    @Column(name = "last_modified", nullable = false)
    private Instant lastModified;

    @Column(name = "minimum_age")
    private Integer minimumAge;

    @Column(nullable = false)
    private Moderation moderation;

    @Column(name = "moderation_note")
    private String moderationNote;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    @Column(name = "withdrawn_reason")
    private String withdrawnReason;

    @Column(name = "maximum_age")
    private Integer maximumAge;

    /** Language codes, comma separated (en,pl). */
    private String languages;

    /** Access feature codes, comma separated (step-free-access,hearing-loop). */
    private String accessibility;

    @Column(name = "contact_name")
    private String contactName;

    @Column(name = "contact_email")
    private String contactEmail;

    @Column(name = "contact_phone")
    private String contactPhone;

    @Version
    private long version;

    protected Listing() {
    }

    /** What a VCSE partner tells us of a service. */
    public record Details(String name, String description, String category, String venue, String town, String postcode,
            String schedule, String cost, Integer capacityMaximum, Integer capacityAvailable, Integer minimumAge, Integer maximumAge,
            List<String> languages, List<String> accessibility, Contact contact) {

        public Details {
            languages = languages == null ? List.of() : List.copyOf(languages);
            accessibility = accessibility == null ? List.of() : List.copyOf(accessibility);
        }

        /** Details without languages, access features or a contact. */
        public Details(String name, String description, String category, String venue, String town, String postcode, String schedule,
                String cost, Integer capacityMaximum, Integer capacityAvailable, Integer minimumAge, Integer maximumAge) {
            this(name, description, category, venue, town, postcode, schedule, cost, capacityMaximum, capacityAvailable, minimumAge,
                    maximumAge, null, null, null);
        }
    }

    /** Whom to ask about the service. */
    public record Contact(@Schema(nullable = true) String name,
            @Schema(nullable = true) String email,
            @Schema(nullable = true) String phone) {

        static Contact of(String name, String email, String phone) {
            return name == null && email == null && phone == null ? null : new Contact(name, email, phone);
        }
    }

    private void write(Details d) {
        name = d.name();
        description = d.description();
        category = d.category();
        venue = d.venue();
        town = d.town();
        postcode = d.postcode();
        schedule = d.schedule();
        cost = d.cost();
        capacityMaximum = d.capacityMaximum();
        capacityAvailable = d.capacityAvailable();
        minimumAge = d.minimumAge();
        maximumAge = d.maximumAge();
        languages = d.languages().isEmpty() ? null : String.join(",", d.languages());
        accessibility = d.accessibility().isEmpty() ? null : String.join(",", d.accessibility());
        contactName = d.contact() == null ? null : d.contact().name();
        contactEmail = d.contact() == null ? null : d.contact().email();
        contactPhone = d.contact() == null ? null : d.contact().phone();
    }

    private static List<String> codes(String joined) {
        return joined == null ? List.of() : List.of(joined.split(","));
    }

    /** A move the listing's state does not allow (approving a withdrawn listing, say). */
    public static class StateException extends RuntimeException {
        public StateException(String message) {
            super(message);
        }
    }

    public static Listing publish(Organization organization, Details details, Instant at) {
        return submit(organization, details, at, true);
    }

    /** A new listing: public at once when approved, otherwise waiting for admin. */
    public static Listing submit(Organization organization, Details details, Instant at, boolean approved) {
        Listing listing = new Listing();
        listing.moderation = approved ? Moderation.APPROVED : Moderation.PENDING;
        listing.id = UUID.randomUUID();
        listing.organization = organization;
        listing.write(details);
        listing.status = Status.ACTIVE;
        listing.publishedAt = at;
        listing.lastModified = at;
        // publishing is the partner's word that the listing is right today
        listing.assuredDate = LocalDate.ofInstant(at, Clocks.ENGLAND);
        return listing;
    }

    /** The details as they should read now; returns each field that changed, with its value before and after. */
    public Map<String, ListingChange.Difference> revise(Details d, Instant at) {
        requireNotWithdrawn();
        Map<String, ListingChange.Difference> changes = new LinkedHashMap<>();
        Details before = details();
        for (RecordComponent component : Details.class.getRecordComponents()) {
            try {
                Object was = component.getAccessor().invoke(before);
                Object now = component.getAccessor().invoke(d);
                if (!Objects.equals(was, now)) {
                    changes.put(component.getName(), new ListingChange.Difference(was == null ? null : was.toString(), now == null ? null : now.toString()));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        write(d);
        lastModified = at;
        // the partner wrote it today: that is an assurance too
        assuredDate = LocalDate.ofInstant(at, Clocks.ENGLAND);
        return changes;
    }

    public void approve(Instant at) {
        requireNotWithdrawn();
        if (moderation != Moderation.PENDING) {
            throw new StateException("Only a listing waiting for approval can be approved; this one is " + moderation.code());
        }
        moderation = Moderation.APPROVED;
        moderationNote = null;
        lastModified = at;
    }

    public void reject(String note, Instant at) {
        requireNotWithdrawn();
        if (moderation != Moderation.PENDING) {
            throw new StateException("Only a listing waiting for approval can be rejected; this one is " + moderation.code());
        }
        moderation = Moderation.REJECTED;
        moderationNote = note;
        lastModified = at;
    }

    /** Taken out of the directory: no longer in the feed or matching, kept for the record. */
    public void withdraw(String reason, Instant at) {
        requireNotWithdrawn();
        withdrawnAt = at;
        withdrawnReason = reason;
        status = Status.DEFUNCT;
        lastModified = at;
    }

    private void requireNotWithdrawn() {
        if (withdrawnAt != null) {
            throw new StateException("The listing was withdrawn on " + withdrawnAt + "; it cannot change");
        }
    }

    public boolean isPublic() {
        return moderation() == Moderation.APPROVED && withdrawnAt == null;
    }

    public Moderation moderation() {
        return moderation;
    }

    public String moderationNote() {
        return moderationNote;
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }

    /** Places free now, and the most there can be. */
    public void capacity(int available, Integer maximum, Instant at) {
        requireNotWithdrawn();
        capacityAvailable = available;
        capacityMaximum = maximum;
        lastModified = at;
    }

    /** Someone who runs the service confirmed the listing is right. */
    public void assured(Instant at) {
        requireNotWithdrawn();
        assuredDate = LocalDate.ofInstant(at, Clocks.ENGLAND);
        lastModified = at;
    }

    /** Not assured for six months: link workers are warned, partners and admin asked to check it. */
    public boolean stale(LocalDate today) {
        return assuredDate.isBefore(today.minusMonths(6));
    }

    public LocalDate assuredDate() {
        return assuredDate;
    }

    public Instant lastModified() {
        return lastModified;
    }

    public long version() {
        return version;
    }

    public UUID id() {
        return id;
    }

    public Organization organization() {
        return organization;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public Details details() {
        return new Details(name, description, category, venue, town, postcode, schedule, cost, capacityMaximum, capacityAvailable, minimumAge,
                maximumAge, codes(languages), codes(accessibility), Contact.of(contactName, contactEmail, contactPhone));
    }
}

package uk.socialprescribing.directory.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A service in the directory (an HSDS "service"): an activity people can be connected to. */
@Entity
@Table(name = "service")
public class Listing {

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
    private String status;

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
    private java.time.LocalDate assuredDate;

    @Column(name = "last_modified", nullable = false)
    private Instant lastModified;

    @Column(name = "minimum_age")
    private Integer minimumAge;

    @Column(name = "maximum_age")
    private Integer maximumAge;

    @Version
    private long version;

    protected Listing() {
    }

    /** What a VCSE partner tells us of a service. */
    public record Details(String name, String description, String category, String venue, String town, String postcode,
            String schedule, String cost, Integer capacityMaximum, Integer capacityAvailable, Integer minimumAge, Integer maximumAge) {
    }

    public static Listing publish(Organization organization, Details details, Instant at) {
        Listing listing = new Listing();
        listing.id = UUID.randomUUID();
        listing.organization = organization;
        listing.name = details.name();
        listing.description = details.description();
        listing.category = details.category();
        listing.status = "active";
        listing.venue = details.venue();
        listing.town = details.town();
        listing.postcode = details.postcode();
        listing.schedule = details.schedule();
        listing.cost = details.cost();
        listing.capacityMaximum = details.capacityMaximum();
        listing.capacityAvailable = details.capacityAvailable();
        listing.publishedAt = at;
        listing.lastModified = at;
        // publishing is the partner's word that the listing is right today
        listing.assuredDate = at.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        listing.minimumAge = details.minimumAge();
        listing.maximumAge = details.maximumAge();
        return listing;
    }

    /** Places free now, and the most there can be. */
    public void capacity(int available, Integer maximum, Instant at) {
        capacityAvailable = available;
        capacityMaximum = maximum;
        lastModified = at;
    }

    /** Someone who runs the service confirmed the listing is right. */
    public void assured(Instant at) {
        assuredDate = at.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        lastModified = at;
    }

    /** Not assured for six months: link workers are warned, partners and admin asked to check it. */
    public boolean stale(java.time.LocalDate today) {
        return assuredDate.isBefore(today.minusMonths(6));
    }

    public java.time.LocalDate assuredDate() {
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
                maximumAge);
    }
}

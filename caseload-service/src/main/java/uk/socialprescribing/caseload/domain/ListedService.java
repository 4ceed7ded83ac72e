package uk.socialprescribing.caseload.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * This service's copy of what matching needs from the directory: name, activity categories, live capacity, and
 * whether it was withdrawn. Kept current from directory-events; never edited here.
 */
@Entity
@Table(name = "directory_service")
public class ListedService {

    @Id
    private UUID id;

    @Column(name = "organisation_id")
    private UUID organisationId;

    @Column(nullable = false)
    private String name;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "varchar(60)[]")
    private String[] categories;

    @Column
    private Integer available;

    @Column
    private Integer maximum;

    @Column(name = "capacity_unit")
    private String capacityUnit;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    @Column(name = "withdrawn_reason")
    private String withdrawnReason;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ListedService() {
    }

    /** A service first heard of: published, or met first in a capacity change that overtook its publication. */
    public static ListedService heardOf(UUID id, Instant at) {
        ListedService s = new ListedService();
        s.id = id;
        s.name = "(not yet described)";
        s.categories = new String[0];
        s.updatedAt = at;
        return s;
    }

    /** Published or updated: name and categories as the directory has them now. */
    public void described(UUID organisation, String newName, List<String> newCategories, Instant at) {
        organisationId = organisation;
        name = newName;
        categories = newCategories.toArray(String[]::new);
        updatedAt = at;
    }

    public void capacity(int availableNow, Integer maximumPlaces, String unit, Instant at) {
        available = availableNow;
        maximum = maximumPlaces;
        capacityUnit = unit;
        updatedAt = at;
    }

    public void withdrawn(String why, Instant at) {
        withdrawnAt = at;
        withdrawnReason = why;
        updatedAt = at;
    }

    public boolean isWithdrawn() {
        return withdrawnAt != null;
    }

    /** Described by a published or updated event (a capacity change alone does not say what the service is). */
    public boolean isDescribed() {
        return organisationId != null;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public List<String> categories() {
        return List.of(categories);
    }

    public Integer available() {
        return available;
    }

    public Integer maximum() {
        return maximum;
    }

    public String capacityUnit() {
        return capacityUnit;
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }
}

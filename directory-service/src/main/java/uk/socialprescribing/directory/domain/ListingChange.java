package uk.socialprescribing.directory.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One change to a listing: who, when, what they did, and each field's value before and after. Never altered. */
@Entity
@Table(name = "listing_change")
public class ListingChange {

    /** A field's value before and after the change. */
    public record Difference(String before, String after) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "service_id", nullable = false)
    private UUID serviceId;

    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(nullable = false)
    private String action;

    /** JSON: each changed field with its value before and after. */
    @Column(nullable = false)
    private String changes;

    protected ListingChange() {
    }

    public ListingChange(UUID serviceId, String changedBy, Instant changedAt, String action, Map<String, Difference> changes) {
        this.serviceId = serviceId;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.action = action;
        try {
            this.changes = JSON.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return changedAt;
    }

    public String action() {
        return action;
    }

    public Map<String, Difference> changes() {
        try {
            return JSON.readValue(changes, new TypeReference<LinkedHashMap<String, Difference>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

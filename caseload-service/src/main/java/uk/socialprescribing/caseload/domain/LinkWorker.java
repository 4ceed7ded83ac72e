package uk.socialprescribing.caseload.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A link worker (or team lead) of a primary care network, known by their Keycloak username, with the caps that
 * keep a caseload safe: active cases at once, and people taken on in a year (NHS guidance: 200 to 250).
 */
@Entity
@Table(name = "link_worker")
public class LinkWorker {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "pcn_code", nullable = false)
    private String pcnCode;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private String[] practices;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private String[] languages;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "working_days", nullable = false)
    private String[] workingDays;

    @Column(name = "active_case_cap", nullable = false)
    private int activeCaseCap;

    @Column(name = "yearly_cap", nullable = false)
    private int yearlyCap;

    @Column(nullable = false)
    private boolean lead;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected LinkWorker() {
    }

    /** What a link worker is: who, where, which languages and days, and their caps. */
    public record Profile(String username, String displayName, String pcnCode, List<String> practices, List<String> languages,
            List<String> workingDays, int activeCaseCap, int yearlyCap, boolean lead) {
    }

    public static LinkWorker join(Profile profile, Instant at) {
        LinkWorker worker = new LinkWorker();
        worker.id = UUID.randomUUID();
        worker.username = profile.username();
        worker.createdAt = at;
        worker.active = true;
        worker.update(profile);
        return worker;
    }

    /** New details; the username stays the same. */
    public void update(Profile profile) {
        displayName = profile.displayName();
        pcnCode = profile.pcnCode();
        practices = profile.practices().toArray(String[]::new);
        languages = profile.languages().toArray(String[]::new);
        workingDays = profile.workingDays().toArray(String[]::new);
        activeCaseCap = profile.activeCaseCap();
        yearlyCap = profile.yearlyCap();
        lead = profile.lead();
    }

    /** Places left: the smaller of what the active cap and the yearly cap allow, never below zero. */
    public int spareCapacity(long activeCases, long takenOnThisYear) {
        return (int) Math.max(0, Math.min(activeCaseCap - activeCases, yearlyCap - takenOnThisYear));
    }

    public boolean speaks(String language) {
        return language != null && Arrays.stream(languages).anyMatch(l -> l.equalsIgnoreCase(language) || language.startsWith(l + "-"));
    }

    public UUID id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String pcnCode() {
        return pcnCode;
    }

    public List<String> practices() {
        return List.of(practices);
    }

    public List<String> languages() {
        return List.of(languages);
    }

    public List<String> workingDays() {
        return List.of(workingDays);
    }

    public int activeCaseCap() {
        return activeCaseCap;
    }

    public int yearlyCap() {
        return yearlyCap;
    }

    public boolean lead() {
        return lead;
    }

    public long version() {
        return version;
    }
}

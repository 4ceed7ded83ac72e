package uk.socialprescribing.caseload.domain;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import uk.socialprescribing.conventions.Coded;

/**
 * One version of a person's personalised care and support plan: what matters to them, their goals with progress,
 * and the actions agreed. A change is a new version; a version is never altered.
 */
@Entity
@Table(name = "care_plan_version")
@IdClass(CarePlanVersion.Key.class)
public class CarePlanVersion {

    /** The plan version's identity: the case and the version number. */
    public static class Key implements Serializable {
        private UUID caseId;
        private int version;

        public Key() {
        }

        public Key(UUID caseId, int version) {
            this.caseId = caseId;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.version == version && Objects.equals(k.caseId, caseId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(caseId, version);
        }
    }

    /** How far a goal has come. */
    public enum Progress implements Coded {
        NOT_STARTED("not-started"), SOME_PROGRESS("some-progress"), MOSTLY_ACHIEVED("mostly-achieved"), ACHIEVED("achieved"),
        NO_LONGER_RELEVANT("no-longer-relevant");

        private final String code;

        Progress(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String toString() {
            return code;
        }
    }

    /** Who carries out an agreed action. */
    public enum Owner implements Coded {
        PERSON("person"), LINK_WORKER("link-worker"), SOMEONE_ELSE("someone-else");

        private final String code;

        Owner(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String toString() {
            return code;
        }
    }

    /** A goal in the person's words; its id stays the same from version to version. */
    public record Goal(String id, String description, Progress progress, LocalDate targetDate) {
    }

    /** Something agreed, by whom and by when. */
    public record Action(String description, Owner owner, LocalDate dueBy, boolean done) {
    }

    @Id
    @Column(name = "case_id")
    private UUID caseId;

    @Id
    @Column(name = "version")
    private int version;

    @Column(name = "what_matters", nullable = false, length = 4000)
    private String whatMatters;

    @Column(name = "planned_sessions", nullable = false)
    private int plannedSessions;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<Goal> goals;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<Action> actions;

    @Column(name = "change_summary", length = 500)
    private String changeSummary;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CarePlanVersion() {
    }

    public CarePlanVersion(UUID caseId, int version, String whatMatters, int plannedSessions, List<Goal> goals, List<Action> actions,
            String changeSummary, String createdBy, Instant createdAt) {
        this.caseId = caseId;
        this.version = version;
        this.whatMatters = whatMatters;
        this.plannedSessions = plannedSessions;
        this.goals = List.copyOf(goals);
        this.actions = List.copyOf(actions);
        this.changeSummary = changeSummary;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public UUID caseId() {
        return caseId;
    }

    public int version() {
        return version;
    }

    public String whatMatters() {
        return whatMatters;
    }

    public int plannedSessions() {
        return plannedSessions;
    }

    public List<Goal> goals() {
        return goals;
    }

    public List<Action> actions() {
        return actions;
    }

    public String changeSummary() {
        return changeSummary;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}

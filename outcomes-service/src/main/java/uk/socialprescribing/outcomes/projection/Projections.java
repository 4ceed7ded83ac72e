package uk.socialprescribing.outcomes.projection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.runtime.StartupEvent;
import uk.socialprescribing.messaging.AdvisoryLocks;

/**
 * Where the projections are: the schema of the current generation (projection_1, projection_2, ...), named in
 * {@code projection_generation}. Its tables are made from {@code projection/tables.sql}, on start for the current one
 * and by a rebuild for the next.
 */
@ApplicationScoped
public class Projections {

    /** The swap's lock: live consumers take it shared for each event; a rebuild takes it alone to catch up and swap. */
    static final String SWAP = "outcomes.projection-swap";

    private final EntityManager entityManager;

    private final AdvisoryLocks locks;

    public Projections(EntityManager entityManager, AdvisoryLocks locks) {
        this.locks = locks;
        this.entityManager = entityManager;
    }

    @Transactional
    void onStart(@Observes StartupEvent start) {
        create(current());
    }

    /** The schema the projections are read from and written to now. */
    public String current() {
        String schema = (String) entityManager.createNativeQuery("select projection from projection_generation where id = 1").getSingleResult();
        return checked(schema);
    }

    /**
     * Reads the rest of the transaction from the current projections: their schema first on the search path, so that
     * queries name the tables alone ({@code referral}, {@code case_fact}), the service's own tables still found after.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void readCurrent() {
        entityManager.createNativeQuery("set local search_path to " + current() + ", public").executeUpdate();
    }

    /** Makes the schema and its tables (nothing happens to those that exist). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void create(String schema) {
        entityManager.createNativeQuery(ddl(checked(schema))).executeUpdate();
    }

    /** Waits until no rebuild is swapping (live consumers call it first in each event's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdShared() {
        locks.shared(SWAP, "live");
    }

    /** A schema name is only ever projection_ and a number: it is put into SQL, so nothing else passes. */
    static String checked(String schema) {
        if (schema == null || !schema.matches("projection_[0-9]{1,9}")) {
            throw new IllegalStateException("Not a projection schema: " + schema);
        }
        return schema;
    }

    static String ddl(String schema) {
        try (InputStream in = Projections.class.getClassLoader().getResourceAsStream("projection/tables.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{schema}", schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

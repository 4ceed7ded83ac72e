package uk.socialprescribing.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * PostgreSQL advisory locks held until the transaction ends, in one naming scheme: a namespace (what the lock guards,
 * e.g. {@code caseload.allocation}) and a key within it (the PCN), hashed together to the lock's 64-bit number. Used
 * where no row can be locked: a person not yet stored, a PCN's allocation, the outbox relay's election.
 */
@ApplicationScoped
public class AdvisoryLocks {

    private static final String NUMBER = "hashtextextended(:namespace || ':' || :key, 0)";

    private final EntityManager entityManager;

    public AdvisoryLocks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Waits for the lock and holds it alone until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void exclusive(String namespace, Object key) {
        run("select pg_advisory_xact_lock(" + NUMBER + ")", namespace, key);
    }

    /** Waits until no one holds the lock alone, and holds it with others until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void shared(String namespace, Object key) {
        run("select pg_advisory_xact_lock_shared(" + NUMBER + ")", namespace, key);
    }

    /** Takes the lock alone if no one holds it, without waiting; whether it was taken. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryExclusive(String namespace, Object key) {
        return (Boolean) run("select pg_try_advisory_xact_lock(" + NUMBER + ")", namespace, key);
    }

    private Object run(String statement, String namespace, Object key) {
        return entityManager.createNativeQuery(statement).setParameter("namespace", namespace).setParameter("key", String.valueOf(key))
                .getSingleResult();
    }
}

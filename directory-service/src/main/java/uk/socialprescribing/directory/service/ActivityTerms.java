package uk.socialprescribing.directory.service;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The codes of the activity taxonomy's terms, which listings, imports and matching are checked against. The taxonomy
 * changes only by migration, so it is read once, on first use, rather than on every request.
 */
@ApplicationScoped
public class ActivityTerms {

    private final EntityManager entityManager;
    private volatile Set<String> codes;

    public ActivityTerms(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public boolean isTerm(String code) {
        Set<String> known = codes;
        if (known == null) {
            known = Set.copyOf(entityManager.createNativeQuery("select code from taxonomy_term", String.class).getResultList());
            codes = known;
        }
        return known.contains(code);
    }
}

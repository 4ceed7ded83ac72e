package uk.socialprescribing.directory.service;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

/**
 * The codes of the activity taxonomy's terms, which listings, imports and matching are checked against. The taxonomy
 * changes only by migration, so it is read once, on first use, rather than on every request.
 */
@ApplicationScoped
public class ActivityTerms {

    private final EntityManager entityManager;
    /** Each term's code, under its code, its id and its name in lower case. */
    private volatile Map<String, String> codes;

    public ActivityTerms(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public boolean isTerm(String code) {
        return code != null && code.equals(known().get(code));
    }

    /** The code of a term given by its code, its id or its name (any case), as a neighbouring feed may name it. */
    public Optional<String> codeOf(String codeIdOrName) {
        if (codeIdOrName == null) {
            return Optional.empty();
        }
        Map<String, String> all = known();
        String exact = all.get(codeIdOrName.strip());
        return Optional.ofNullable(exact != null ? exact : all.get(codeIdOrName.strip().toLowerCase(Locale.ROOT)));
    }

    private Map<String, String> known() {
        Map<String, String> known = codes;
        if (known == null) {
            Map<String, String> read = new HashMap<>();
            List<?> rows = entityManager.createNativeQuery("select code, id::text, name from taxonomy_term", Tuple.class).getResultList();
            for (Object o : rows) {
                Tuple t = (Tuple) o;
                String code = (String) t.get(0);
                read.put(code, code);
                read.put((String) t.get(1), code);
                read.putIfAbsent(((String) t.get(2)).toLowerCase(Locale.ROOT), code);
            }
            known = Map.copyOf(read);
            codes = known;
        }
        return known;
    }
}

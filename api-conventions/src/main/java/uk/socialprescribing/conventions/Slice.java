package uk.socialprescribing.conventions;

import java.util.List;
import java.util.function.Function;

import jakarta.persistence.TypedQuery;

/**
 * What a query found for one page: the page's items and how many items the whole list has. A service or repository
 * answers a {@code Slice}; the resource turns it into a {@link Page} with its links.
 */
public record Slice<T>(List<T> items, long totalItems) {

    public Slice {
        items = List.copyOf(items);
    }

    /** The page of a whole list held in memory (a list that is short by nature, such as a team). */
    public static <T> Slice<T> cut(List<T> all, PageRequest page) {
        int from = Math.min(page.offset(), all.size());
        return new Slice<>(all.subList(from, Math.min(from + page.size(), all.size())), all.size());
    }

    /** Runs the count, then the page of items when there are any: the two queries take the same filters. */
    public static <T> Slice<T> of(TypedQuery<T> items, TypedQuery<Long> count, PageRequest page) {
        long total = count.getSingleResult();
        return new Slice<>(total == 0 ? List.of() : items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList(), total);
    }

    public <R> Slice<R> map(Function<? super T, ? extends R> mapping) {
        return new Slice<>(items.stream().<R>map(mapping).toList(), totalItems);
    }
}

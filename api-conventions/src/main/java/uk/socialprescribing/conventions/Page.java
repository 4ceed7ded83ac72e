package uk.socialprescribing.conventions;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list, the one shape of every list the platform answers (Open Referral UK's own feed keeps the
 * standard's page). The field names follow ORUK's page in camel case. {@code links} keep the request's filters and
 * name {@code self}, {@code first}, {@code last}, and {@code prev} and {@code next} where there is such a page. (No
 * {@code @Schema} on the type: each use is documented as its own schema, e.g. {@code PageCaseView}, and a schema of
 * the raw type would be one that nothing uses.)
 */
public record Page<T>(
        @Schema(description = "Items in the whole list", example = "57") long totalItems,
        @Schema(description = "Pages in the whole list at this size (0 when the list is empty)", example = "2") int totalPages,
        @Schema(description = "This page's number, from 1", example = "1") int pageNumber,
        @Schema(description = "Items a page", example = "50") int size,
        @Schema(description = "This page's items") List<T> contents,
        @Schema(description = "self, first, last, and prev and next where there is such a page") Map<String, URI> links) {

    /** A page of {@code items} out of {@code totalItems}, with links built from the request's own address. */
    public static <T> Page<T> of(List<T> items, long totalItems, PageRequest request, UriInfo uri) {
        int totalPages = (int) ((totalItems + request.size() - 1) / request.size());
        Map<String, URI> links = new LinkedHashMap<>();
        links.put("self", link(uri, request.number()));
        links.put("first", link(uri, 1));
        links.put("last", link(uri, Math.max(totalPages, 1)));
        if (request.number() > 1) {
            links.put("prev", link(uri, Math.min(request.number() - 1, Math.max(totalPages, 1))));
        }
        if (request.number() < totalPages) {
            links.put("next", link(uri, request.number() + 1));
        }
        return new Page<>(totalItems, totalPages, request.number(), request.size(), List.copyOf(items), links);
    }

    /** The page of what a query found. */
    public static <T> Page<T> of(Slice<T> found, PageRequest request, UriInfo uri) {
        return of(found.items(), found.totalItems(), request, uri);
    }

    /** A page cut from a whole list held in memory (a list that is short by nature, such as a team). */
    public static <T> Page<T> slice(List<T> all, PageRequest request, UriInfo uri) {
        return of(Slice.cut(all, request), request, uri);
    }

    /** The same page with each item turned into another shape. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapping) {
        return new Page<>(totalItems, totalPages, pageNumber, size, contents.stream().<R>map(mapping).toList(), links);
    }

    private static URI link(UriInfo uri, int page) {
        return uri.getRequestUriBuilder().replaceQueryParam("page", page).build();
    }
}

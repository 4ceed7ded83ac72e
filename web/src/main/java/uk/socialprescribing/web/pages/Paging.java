package uk.socialprescribing.web.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import uk.socialprescribing.web.api.Page;

/**
 * Where a list's page sits, and the addresses of the pages before and after it, keeping the list's filters in the
 * address (so that a page can be bookmarked, shared between colleagues and reloaded). Filters are codes, never
 * personal data.
 */
public record Paging(int number, int totalPages, long totalItems, int size, String previous, String next) {

    public static final int SIZE = 25;

    /** The paging of {@code page}, listed at {@code path} with these filters (null values left out). */
    public static Paging of(Page<?> page, String path, Map<String, String> filters) {
        int number = Math.max(page.pageNumber(), 1);
        return new Paging(number, page.totalPages(), page.totalItems(), page.size(),
                number > 1 ? address(path, filters, number - 1) : null,
                number < page.totalPages() ? address(path, filters, number + 1) : null);
    }

    public int previousNumber() {
        return number - 1;
    }

    public int nextNumber() {
        return number + 1;
    }

    /** "Showing 26 to 50 of 57", or nothing for a list that fits on a page. */
    public String showing() {
        if (totalItems <= size || size == 0) {
            return "";
        }
        long first = (long) (number - 1) * size + 1;
        return "Showing " + first + " to " + Math.min(totalItems, first + size - 1) + " of " + totalItems;
    }

    static String address(String path, Map<String, String> filters, int page) {
        Map<String, String> query = new LinkedHashMap<>();
        filters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                query.put(name, value);
            }
        });
        if (page > 1) {
            query.put("page", String.valueOf(page));
        }
        return query.isEmpty() ? path : path + "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}

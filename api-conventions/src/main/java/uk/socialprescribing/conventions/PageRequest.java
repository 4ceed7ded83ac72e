package uk.socialprescribing.conventions;

/**
 * Which page of a list a client asked for: {@code number} from 1, {@code size} items a page. Read it with
 * {@link QueryParameters#page(String, String)}, so every list has the same defaults, maxima and errors.
 */
public record PageRequest(int number, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    public static final int MAX_PAGE = 100_000;

    public PageRequest {
        if (number < 1 || size < 1) {
            throw new IllegalArgumentException("page " + number + " of size " + size);
        }
    }

    /** The first page at the default size. */
    public static PageRequest first() {
        return new PageRequest(1, DEFAULT_SIZE);
    }

    /** Where the page starts in the whole list, from 0. */
    public int offset() {
        return (number - 1) * size;
    }
}

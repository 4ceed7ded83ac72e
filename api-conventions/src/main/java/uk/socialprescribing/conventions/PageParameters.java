package uk.socialprescribing.conventions;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code page} and {@code size} query parameters of every list, declared once:
 * {@code list(..., @BeanParam PageParameters paging)} then {@code PageRequest request = paging.read(query)}.
 */
public class PageParameters {

    @QueryParam("page")
    @Parameter(description = "The page, from 1", example = "1")
    public String page;

    @QueryParam("size")
    @Parameter(description = "Items a page: 1 to " + PageRequest.MAX_SIZE + ", " + PageRequest.DEFAULT_SIZE + " unless given", example = "50")
    public String size;

    /** The page asked for; a value that cannot be read is named when {@code query} is checked. */
    public PageRequest read(QueryParameters query) {
        return query.page(page, size);
    }
}

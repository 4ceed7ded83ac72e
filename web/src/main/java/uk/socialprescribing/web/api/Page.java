package uk.socialprescribing.web.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A page of a list, as every list of the platform answers it (the fields this app reads). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Page<T>(long totalItems, int totalPages, int pageNumber, int size, List<T> contents) {
}

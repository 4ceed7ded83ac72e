package uk.socialprescribing.directory.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ServicePage", description = "One page of services, in a stable order")
public record ListingPage(long totalItems, int totalPages, int pageNumber, int size, List<ListingView> contents) {
}

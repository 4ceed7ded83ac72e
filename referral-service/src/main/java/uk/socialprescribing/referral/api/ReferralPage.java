package uk.socialprescribing.referral.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReferralPage", description = "One page of referrals, newest first; links keep the filters")
public record ReferralPage(long totalItems, int totalPages, int pageNumber, int size, List<ReferralSummary> contents,
        Map<String, URI> links) {
}

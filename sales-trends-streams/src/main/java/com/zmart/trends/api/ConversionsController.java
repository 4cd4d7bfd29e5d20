package com.zmart.trends.api;

import com.zmart.events.CampaignConversion;
import com.zmart.streams.interactivequeries.InteractiveQueries;
import com.zmart.streams.interactivequeries.InteractiveQueries.KeyQuery;
import com.zmart.streams.interactivequeries.KeyNotFoundException;
import com.zmart.trends.attribution.AttributionTopology;
import com.zmart.web.problems.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Running conversion figures of a campaign, from the instance that owns the campaign. */
@RestController
@ApiResponse(responseCode = "400", description = "Malformed campaign id (problem+json)")
@ApiResponse(responseCode = "503", description = "State moving (rebalance); retry after Retry-After seconds")
class ConversionsController {

    private final InteractiveQueries queries;

    ConversionsController(InteractiveQueries queries) {
        this.queries = queries;
    }

    @Operation(summary = "Purchases attributed to a campaign so far, and their revenue")
    @ApiResponse(responseCode = "404", description = "No purchase attributed to this campaign yet")
    @GetMapping("/api/campaigns/{campaignId}/conversion")
    ConversionView conversion(@PathVariable String campaignId,
                              @RequestHeader(name = InteractiveQueries.FORWARDED_HEADER, defaultValue = "false")
                              boolean forwarded,
                              HttpServletRequest request) {
        String campaign = Ids.require("campaignId", campaignId);
        String notFound = "No purchase attributed to campaign " + campaign + " yet";
        return queries.query(new KeyQuery<>(AttributionTopology.CAMPAIGN_CONVERSIONS_STORE, campaign,
                Serdes.String().serializer(), access -> {
                    ReadOnlyKeyValueStore<String, CampaignConversion> store =
                            access.store(QueryableStoreTypes.keyValueStore());
                    CampaignConversion conversion = store.get(campaign);
                    if (conversion == null) {
                        throw new KeyNotFoundException(notFound);
                    }
                    return ConversionView.of(conversion);
                }, TrendsController.pathOf(request), ConversionView.class, notFound), forwarded);
    }
}

package com.zmart.dashboard.campaigns;

import java.util.List;

import com.zmart.dashboard.config.DashboardProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Campaign conversions as the dashboard's bar chart draws them. */
@RestController
@Tag(name = "campaigns", description = "Purchases attributed to coupon campaigns")
class CampaignConversionController {

    private final CampaignConversionRepository repository;
    private final DashboardProperties properties;

    CampaignConversionController(CampaignConversionRepository repository, DashboardProperties properties) {
        this.repository = repository;
        this.properties = properties;
    }

    @GetMapping(path = "/api/campaign-conversions", produces = "application/json")
    @Operation(summary = "Campaigns by conversions, most first",
            description = "A limit outside 1..max is answered 400 with an application/problem+json body.")
    List<CampaignConversionView> conversions(
            @Parameter(description = "How many campaigns at most") @RequestParam(defaultValue = "20") int limit) {
        return repository.top(CampaignLimit.checked(limit, properties));
    }
}

package com.zmart.dashboard.campaigns;

import java.util.List;

import com.zmart.dashboard.config.DashboardProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Campaign funnels as the dashboard's funnel table shows them. */
@RestController
@Tag(name = "campaigns")
class CampaignFunnelController {

    private final CampaignFunnelRepository repository;
    private final DashboardProperties properties;

    CampaignFunnelController(CampaignFunnelRepository repository, DashboardProperties properties) {
        this.repository = repository;
        this.properties = properties;
    }

    @GetMapping(path = "/api/campaign-funnels", produces = "application/json")
    @Operation(summary = "Per campaign: emails opened, links clicked, coupons activated and printed, purchases, and "
            + "the conversion rate (purchases per email opened); most purchases first",
            description = "A limit outside 1..max is answered 400 with an application/problem+json body.")
    List<CampaignFunnelView> funnels(
            @Parameter(description = "How many campaigns at most") @RequestParam(defaultValue = "20") int limit) {
        return repository.top(CampaignLimit.checked(limit, properties));
    }
}

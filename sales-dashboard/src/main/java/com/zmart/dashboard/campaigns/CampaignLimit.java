package com.zmart.dashboard.campaigns;

import com.zmart.dashboard.config.DashboardProperties;
import com.zmart.web.problems.InvalidRequestException;

/** How many campaigns one request may list: 1 to {@code zmart.dashboard.max-campaigns}. */
final class CampaignLimit {

    private CampaignLimit() {
    }

    static int checked(int limit, DashboardProperties properties) {
        if (limit < 1 || limit > properties.maxCampaigns()) {
            throw new InvalidRequestException("limit", "must be between 1 and " + properties.maxCampaigns());
        }
        return limit;
    }
}

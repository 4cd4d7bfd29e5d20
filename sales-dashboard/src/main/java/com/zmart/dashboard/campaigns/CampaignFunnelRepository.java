package com.zmart.dashboard.campaigns;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code campaign_funnels}, the table the JDBC sink upserts {@code zmart.campaign-funnels} into. */
@Repository
public class CampaignFunnelRepository {

    private final JdbcClient jdbc;

    public CampaignFunnelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The campaigns with the most purchases first, then the most emails opened, ties by name; at most {@code limit}. */
    public List<CampaignFunnelView> top(int limit) {
        return jdbc.sql("""
                        SELECT campaign_id, emails_opened, links_clicked, coupons_activated, coupons_printed, purchases,
                               last_event_at
                        FROM campaign_funnels
                        ORDER BY purchases DESC, emails_opened DESC, campaign_id
                        LIMIT :limit""")
                .param("limit", limit)
                .query((rs, n) -> CampaignFunnelView.of(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getTimestamp(7).toInstant()))
                .list();
    }
}

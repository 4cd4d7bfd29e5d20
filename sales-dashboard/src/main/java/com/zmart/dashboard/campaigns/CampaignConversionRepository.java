package com.zmart.dashboard.campaigns;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code campaign_conversions}, the table the JDBC sink upserts {@code zmart.campaign-conversions} into. */
@Repository
public class CampaignConversionRepository {

    private final JdbcClient jdbc;

    public CampaignConversionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The campaigns with the most conversions first (ties by name), at most {@code limit}. */
    public List<CampaignConversionView> top(int limit) {
        return jdbc.sql("""
                        SELECT campaign_id, conversion_count, attributed_revenue, last_conversion_at
                        FROM campaign_conversions
                        ORDER BY conversion_count DESC, campaign_id
                        LIMIT :limit""")
                .param("limit", limit)
                .query((rs, n) -> new CampaignConversionView(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }
}

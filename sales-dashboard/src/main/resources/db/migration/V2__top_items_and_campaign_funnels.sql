-- SalesTrend.topItems, which V1 left out: the connector's JsonAsText transform writes the array as JSON text
-- (ADR 0008), so a window's best sellers are replaced with its figures, by the same upsert of the same row.
-- Rows written before this column existed had their items dropped: an empty list, as the contract's default.
ALTER TABLE sales_trends ADD COLUMN top_items jsonb NOT NULL DEFAULT '[]';

-- com.zmart.events.CampaignFunnel, one row per campaign with its running counts (the conversion rate is derived).
CREATE TABLE campaign_funnels (
    campaign_id       text        NOT NULL PRIMARY KEY,
    emails_opened     bigint      NOT NULL,
    links_clicked     bigint      NOT NULL,
    coupons_activated bigint      NOT NULL,
    coupons_printed   bigint      NOT NULL,
    purchases         bigint      NOT NULL,
    last_event_at     timestamptz NOT NULL
);

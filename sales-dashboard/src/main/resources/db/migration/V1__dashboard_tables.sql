-- The tables Debezium's JDBC sink upserts into (connectors/zmart-dashboard-*.json, schema.evolution=none).
-- The dashboard owns them so that types and primary keys are right (ADR 0008). Columns are the contracts'
-- fields in snake case, in the contracts' order; SalesTrend.topItems is dropped by the connector.

-- com.zmart.events.SalesTrend, one row per (store, department, window): an update of the window replaces it.
CREATE TABLE sales_trends (
    store_id           text          NOT NULL,
    store_zip_code     text          NOT NULL,
    department         text          NOT NULL,
    window_kind        text          NOT NULL,
    window_start       timestamptz   NOT NULL,
    window_end         timestamptz   NOT NULL,
    units              bigint        NOT NULL,
    revenue            numeric(16,2) NOT NULL,
    transactions       bigint        NOT NULL DEFAULT 0,
    distinct_customers integer       NOT NULL DEFAULT 0,
    PRIMARY KEY (store_id, department, window_kind, window_start)
);

-- The charts read one view over a time range.
CREATE INDEX sales_trends_by_time ON sales_trends (window_kind, window_start);

-- com.zmart.events.CampaignConversion, one row per campaign with its running figures.
CREATE TABLE campaign_conversions (
    campaign_id        text          NOT NULL PRIMARY KEY,
    conversion_count   bigint        NOT NULL,
    attributed_revenue numeric(16,2) NOT NULL,
    last_conversion_at timestamptz   NOT NULL
);

package com.zmart.dashboard.sink;

import java.util.List;
import java.util.Map;

/**
 * The Kafka Connect sink connectors that fill the dashboard database (Debezium's JDBC sink, ADR 0008), and the
 * variables their JSON ({@code connectors/<name>.json}) needs. Deploy them with the local platform's
 * {@code ConnectorDeployer}, or {@code PUT /connectors/<name>/config} with the placeholders filled, <em>after</em>
 * the dashboard created its tables (the sinks never create or alter a table).
 */
public final class DashboardSinks {

    /**
     * {@code zmart.sales-trends} into {@code sales_trends}, upserted by (store, department, window kind, window start);
     * the window's top items as JSON in {@code top_items}.
     */
    public static final String SALES_TRENDS = "zmart-dashboard-sales-trends";
    /** {@code zmart.campaign-conversions} into {@code campaign_conversions}, upserted by campaign. */
    public static final String CAMPAIGN_CONVERSIONS = "zmart-dashboard-campaign-conversions";
    /** {@code zmart.campaign-funnels} into {@code campaign_funnels}, upserted by campaign. */
    public static final String CAMPAIGN_FUNNELS = "zmart-dashboard-campaign-funnels";
    public static final List<String> ALL = List.of(SALES_TRENDS, CAMPAIGN_CONVERSIONS, CAMPAIGN_FUNNELS);

    private DashboardSinks() {
    }

    public static Map<String, String> variables(String host, int port, String database, String user, String password) {
        return Map.of("DASHBOARD_DB_HOST", host, "DASHBOARD_DB_PORT", Integer.toString(port),
                "DASHBOARD_DB_NAME", database, "DASHBOARD_DB_USER", user, "DASHBOARD_DB_PASSWORD", password);
    }
}

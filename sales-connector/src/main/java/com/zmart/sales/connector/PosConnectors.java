package com.zmart.sales.connector;

import java.util.List;
import java.util.Map;

/** The connectors that stream the point-of-sale database into Kafka, and the variables their JSON needs. */
public final class PosConnectors {

    /** Sale lines into {@code zmart.sales}, card numbers masked. */
    public static final String SALES = "zmart-pos-sales";
    /** Loyalty members into {@code zmart.loyalty-members}. */
    public static final String LOYALTY_MEMBERS = "zmart-pos-loyalty-members";
    public static final List<String> ALL = List.of(SALES, LOYALTY_MEMBERS);

    private PosConnectors() {
    }

    public static Map<String, String> variables(String host, int port, String database, String user, String password) {
        return Map.of("POS_DB_HOST", host, "POS_DB_PORT", Integer.toString(port), "POS_DB_NAME", database,
                "POS_DB_USER", user, "POS_DB_PASSWORD", password);
    }
}

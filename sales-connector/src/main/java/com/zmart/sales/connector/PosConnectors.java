package com.zmart.sales.connector;

import java.util.List;
import java.util.Map;

import com.zmart.platform.connect.ConnectorDeployer;

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
        return ConnectorDeployer.databaseVariables("POS_DB", host, port, database, user, password);
    }
}

package com.zmart.sales.connector;

import com.zmart.platform.connect.ConnectorDeployer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code deploy-pos-connectors}: creates or updates the point-of-sale connectors on a Connect worker. */
@Command(name = "deploy-pos-connectors", mixinStandardHelpOptions = true,
        description = "Creates or updates the point-of-sale connectors and waits until they run.")
public final class DeployConnectorsCli implements Callable<Integer> {

    @Option(names = "--connect-url", defaultValue = "${env:CONNECT_URL:-http://127.0.0.1:8083}",
            description = "Kafka Connect REST API (default: ${DEFAULT-VALUE}; env CONNECT_URL).")
    String connectUrl;

    @Option(names = "--db-host", defaultValue = "${env:POS_DB_HOST:-127.0.0.1}", description = "Database host as the worker sees it.")
    String host;

    @Option(names = "--db-port", defaultValue = "${env:POS_DB_PORT:-5433}")
    int port;

    @Option(names = "--db-name", defaultValue = "${env:POS_DB_NAME:-pos}")
    String database;

    @Option(names = "--db-user", defaultValue = "${env:POS_DB_USER:-postgres}")
    String user;

    @Option(names = "--db-password", defaultValue = "${env:POS_DB_PASSWORD:-}", description = "env POS_DB_PASSWORD")
    String password;

    @Option(names = "--connector", split = ",", description = "Which connectors (default: all of ${COMPLETION-CANDIDATES}).",
            completionCandidates = Names.class)
    List<String> connectors = PosConnectors.ALL;

    public static void main(String[] args) {
        System.exit(new CommandLine(new DeployConnectorsCli()).execute(args));
    }

    @Override
    public Integer call() {
        ConnectorDeployer deployer = new ConnectorDeployer(connectUrl);
        for (String connector : connectors) {
            deployer.deploy(connector, PosConnectors.variables(host, port, database, user, password), Duration.ofMinutes(2));
            System.out.println(connector + " is running on " + connectUrl);
        }
        return 0;
    }

    static final class Names extends java.util.ArrayList<String> {
        Names() {
            super(PosConnectors.ALL);
        }
    }
}

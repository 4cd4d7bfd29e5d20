package com.zmart.clickstream.simulator;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import com.zmart.simulator.cli.StopOnShutdown;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code campaign-simulator}: plays customer journeys of the coupon campaigns against the clickstream service. */
@Command(name = "campaign-simulator", mixinStandardHelpOptions = true,
        description = "Plays ZMart campaign journeys (email opened, its link, coupon page, activate, print) against the clickstream service.")
public final class CampaignSimulatorCli implements Callable<Integer> {

    @Option(names = "--service-url", defaultValue = "${env:CLICKSTREAM_URL:-http://127.0.0.1:8090}",
            description = "Clickstream service (default: ${DEFAULT-VALUE}; env CLICKSTREAM_URL).")
    URI serviceUrl;

    @Option(names = "--rate", defaultValue = "2", description = "Journeys per second (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--duration", defaultValue = "PT1M",
            description = "How long to run, ISO-8601 (PT30S, PT10M); PT0S runs until --count or Ctrl-C (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--count", defaultValue = "0", description = "Stop after this many journeys; 0 = no limit.")
    long count;

    @Option(names = "--campaigns", split = ",", defaultValue = "spring-sale,back-to-school,holiday-deals",
            description = "Campaign ids, comma-separated (default: ${DEFAULT-VALUE}).")
    List<String> campaigns;

    @Option(names = "--customers", defaultValue = "1000",
            description = "Customers cust-000001 to this, the register simulator's (default: ${DEFAULT-VALUE}).")
    int customers;

    @Option(names = "--link-secret", defaultValue = "${env:LINK_SECRET:-" + CampaignSimulatorOptions.DEFAULT_LINK_SECRET + "}",
            description = "The service's link secret, to sign the email links (env LINK_SECRET; default: the local development one).")
    String linkSecret;

    @Option(names = "--coupon-destination", defaultValue = "https://coupons.zmart.example",
            description = "Base URL of the coupon pages, on a host the service redirects to (default: ${DEFAULT-VALUE}).")
    URI couponDestination;

    @Option(names = "--seed", defaultValue = "42", description = "Same seed, same journeys (default: ${DEFAULT-VALUE}).")
    long seed;

    public static void main(String[] args) {
        System.exit(new CommandLine(new CampaignSimulatorCli()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        CampaignSimulatorOptions options;
        try {
            options = new CampaignSimulatorOptions(serviceUrl, rate, duration, count, campaigns, customers, linkSecret,
                    couponDestination, seed);
        } catch (IllegalArgumentException e) {
            System.err.println("campaign-simulator: " + e.getMessage());
            return 2;
        }
        CampaignSimulator simulator = new CampaignSimulator(options);
        try (StopOnShutdown reported = StopOnShutdown.register(simulator::stop)) {
            CampaignSimulator.Progress done = simulator.run(p -> System.out.printf(
                    "%s %,d journeys, %,d clicks accepted, %,d refused, %,d lost; %.1f journeys/s%n",
                    p.finished() ? "Done:" : "Campaigns:", p.journeys(), p.clicksAccepted(), p.clicksRefused(),
                    p.clicksLost(), p.journeysPerSecond()));
            return done.clicksLost() == 0 ? 0 : 1;
        }
    }
}

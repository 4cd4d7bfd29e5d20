package com.zmart.clickstream.simulator;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

import com.zmart.web.problems.Ids;

/**
 * What the campaign simulator does.
 *
 * @param serviceUrl        the clickstream service, e.g. {@code http://127.0.0.1:8090}
 * @param journeysPerSecond customer journeys started per second
 * @param duration          how long to run; {@link Duration#ZERO} means until {@code maxJourneys}, or until stopped
 * @param maxJourneys       stop after this many journeys; 0 means no limit
 * @param campaigns         campaign ids the journeys are spread over
 * @param customers         number of customers, {@code DemoCustomers.id(1..customers)}: the register simulator's
 * @param linkSecret        the service's {@code zmart.clickstream.link-secret}, to sign the email links' tokens
 * @param couponDestination base URL of the coupon pages, on a host the service may redirect to
 * @param seed              same seed, same journeys (customers, campaigns, drop-offs)
 */
public record CampaignSimulatorOptions(URI serviceUrl, double journeysPerSecond, Duration duration, long maxJourneys,
                                       List<String> campaigns, int customers, String linkSecret, URI couponDestination,
                                       long seed) {

    public static final URI DEFAULT_SERVICE_URL = URI.create("http://127.0.0.1:8090");
    public static final List<String> DEFAULT_CAMPAIGNS = List.of("spring-sale", "back-to-school", "holiday-deals");
    /** The service's default {@code zmart.clickstream.link-secret} (local development only). */
    public static final String DEFAULT_LINK_SECRET = "local-development-only-secret";
    public static final URI DEFAULT_COUPON_DESTINATION = URI.create("https://coupons.zmart.example");

    /** {@code DemoCustomers.id} has six digits; ids stay aligned with the register simulator's up to here. */
    private static final int MAX_CUSTOMERS = 999_999;

    public CampaignSimulatorOptions {
        require(serviceUrl != null && isHttpUrl(serviceUrl), "serviceUrl must be an http(s) URL with a host, not " + serviceUrl);
        require(journeysPerSecond > 0 && Double.isFinite(journeysPerSecond),
                "journeysPerSecond must be positive, not " + journeysPerSecond);
        require(duration != null && !duration.isNegative(), "duration must not be negative (PT0S: until maxJourneys or stopped)");
        require(maxJourneys >= 0, "maxJourneys must not be negative (0: no limit), not " + maxJourneys);
        require(campaigns != null && !campaigns.isEmpty(), "campaigns must name at least one campaign");
        campaigns = List.copyOf(campaigns);
        for (String campaign : campaigns) {
            // What the service accepts as a campaign id, in a click and in a tracking link's path.
            require(Ids.isValid(campaign), "campaign id '" + campaign + "' " + Ids.RULE);
        }
        require(new HashSet<>(campaigns).size() == campaigns.size(), "campaigns must not repeat: " + campaigns);
        require(customers >= 1 && customers <= MAX_CUSTOMERS, "customers must be between 1 and " + MAX_CUSTOMERS + ", not " + customers);
        require(linkSecret != null && !linkSecret.isBlank(), "linkSecret must not be blank (the service's zmart.clickstream.link-secret)");
        require(couponDestination != null && isHttpUrl(couponDestination) && couponDestination.getRawQuery() == null
                        && couponDestination.getRawFragment() == null,
                "couponDestination must be an http(s) base URL with a host and no query, not " + couponDestination);
    }

    /** 2 journeys per second for one minute, the default campaigns and the register simulator's 1000 customers. */
    public static CampaignSimulatorOptions defaults() {
        return new CampaignSimulatorOptions(DEFAULT_SERVICE_URL, 2, Duration.ofMinutes(1), 0, DEFAULT_CAMPAIGNS, 1000,
                DEFAULT_LINK_SECRET, DEFAULT_COUPON_DESTINATION, 42);
    }

    public CampaignSimulatorOptions withServiceUrl(URI url) {
        return new CampaignSimulatorOptions(url, journeysPerSecond, duration, maxJourneys, campaigns, customers, linkSecret,
                couponDestination, seed);
    }

    public CampaignSimulatorOptions withRate(double rate) {
        return new CampaignSimulatorOptions(serviceUrl, rate, duration, maxJourneys, campaigns, customers, linkSecret,
                couponDestination, seed);
    }

    public CampaignSimulatorOptions withLimit(Duration runFor, long journeys) {
        return new CampaignSimulatorOptions(serviceUrl, journeysPerSecond, runFor, journeys, campaigns, customers, linkSecret,
                couponDestination, seed);
    }

    public CampaignSimulatorOptions withCampaigns(List<String> ids) {
        return new CampaignSimulatorOptions(serviceUrl, journeysPerSecond, duration, maxJourneys, ids, customers, linkSecret,
                couponDestination, seed);
    }

    public CampaignSimulatorOptions withCustomers(int count) {
        return new CampaignSimulatorOptions(serviceUrl, journeysPerSecond, duration, maxJourneys, campaigns, count, linkSecret,
                couponDestination, seed);
    }

    public CampaignSimulatorOptions withLinkSecret(String secret) {
        return new CampaignSimulatorOptions(serviceUrl, journeysPerSecond, duration, maxJourneys, campaigns, customers, secret,
                couponDestination, seed);
    }

    public CampaignSimulatorOptions withSeed(long value) {
        return new CampaignSimulatorOptions(serviceUrl, journeysPerSecond, duration, maxJourneys, campaigns, customers, linkSecret,
                couponDestination, value);
    }

    /** The coupon page of a campaign, where the email link sends the customer. */
    public String couponPage(String campaign) {
        String base = couponDestination.toString();
        return (base.endsWith("/") ? base : base + "/") + campaign;
    }

    /** The web version of a campaign's email, under its coupon page: the address an email open is recorded with. */
    public String emailPage(String campaign) {
        return couponPage(campaign) + "/email";
    }

    private static boolean isHttpUrl(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getUserInfo() == null;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}

package com.zmart.clickstream.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import com.zmart.events.ClickAction;
import com.zmart.links.EmailLinkTokens;
import com.zmart.simulator.scenario.DemoCoupons;
import com.zmart.simulator.scenario.DemoCustomers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays customer journeys of the coupon campaigns against the clickstream service over HTTP, at a steady rate:
 * the customer opens the campaign email ({@code OPENED_EMAIL}, posted to {@code POST /api/clicks} as the mail
 * service's open tracking would report it), and, with a realistic drop-off at each step, follows its tracking link
 * ({@code GET /c/{campaign}/{token}}, which records a {@code CLICKED_LINK} and redirects), views the coupon page,
 * activates the coupon and prints it ({@code POST /api/clicks/batch}, one session per journey). The customers are the
 * register simulator's ({@link DemoCustomers}) and the coupon is the one its registers redeem ({@link DemoCoupons}),
 * so that purchases can be attributed to campaigns.
 *
 * <p>Journeys are played one after the other, so one customer's journeys never overlap and reach Kafka in order.
 * The same seed gives the same journeys. A 503 is counted as refused and retried once, after the Retry-After the
 * service asks for (at most {@link #MAX_RETRY_WAIT}); clicks refused again are counted as lost, never dropped
 * silently.
 */
public final class CampaignSimulator {

    /** Share of the customers who opened the email that follow its link to the coupon page. */
    public static final double FOLLOW_SHARE = 0.4;
    /** Share of the customers who viewed the coupon page that activate the coupon. */
    public static final double ACTIVATE_SHARE = 0.6;
    /** Share of the customers who activated the coupon that print it. */
    public static final double PRINT_SHARE = 0.7;
    /** Longest wait before retrying a refused request, whatever Retry-After says. */
    public static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(CampaignSimulator.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration RETRY_WAIT_WITHOUT_HEADER = Duration.ofSeconds(1);
    private static final long SECOND = 1_000_000_000L;

    private final CampaignSimulatorOptions options;
    private final Clock clock;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final EmailLinkTokens tokens;
    private final String runId;
    private volatile boolean stopped;

    // Counters of the running run(); written by its thread only.
    private long journeys;
    private long journeysCut;
    private long accepted;
    private long refused;
    private long lost;
    private long started;
    private long nextReport;

    public CampaignSimulator(CampaignSimulatorOptions options) {
        this(options, Clock.systemUTC());
    }

    public CampaignSimulator(CampaignSimulatorOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
        this.tokens = new EmailLinkTokens(options.linkSecret());
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.runId = Long.toString(clock.millis(), 36);
    }

    /** One step of a journey: what the customer does, on which page, and how long after the previous step. */
    public record ClickStep(ClickAction action, String url, String couponCode, Duration after) {
    }

    /**
     * One customer's visit: the email opened, then perhaps its link followed and the steps on the coupon page, which
     * share one session.
     */
    public record Journey(String customerId, String campaignId, List<ClickStep> steps) {

        public Journey {
            steps = List.copyOf(steps);
        }

        public List<ClickAction> actions() {
            return steps.stream().map(ClickStep::action).toList();
        }
    }

    /** Progress, reported about once a second and at the end. */
    @FunctionalInterface
    public interface ProgressListener {
        void progress(Progress progress);
    }

    /**
     * @param journeys       journeys played (started)
     * @param journeysCut    journeys that stopped early because a click was refused for good
     * @param clicksAccepted clicks the service accepted (202, or the tracking link's 302)
     * @param clicksRefused  clicks in answers that were not accepted (a retried click counts at each refusal)
     * @param clicksLost     clicks given up: refused again after the retry, or refused as invalid
     */
    public record Progress(long journeys, long journeysCut, long clicksAccepted, long clicksRefused, long clicksLost,
                           Duration elapsed, boolean finished) {

        public double journeysPerSecond() {
            return elapsed.isZero() ? 0 : journeys * 1000.0 / elapsed.toMillis();
        }

        public double clicksPerSecond() {
            return elapsed.isZero() ? 0 : clicksAccepted * 1000.0 / elapsed.toMillis();
        }
    }

    /**
     * The next journey drawn from {@code random}: a customer (drawn as the register simulator draws its shoppers,
     * {@link DemoCustomers#draw}) and a campaign, the email opened; for
     * {@link #FOLLOW_SHARE} of them the email link and the coupon page; then {@code ACTIVATED_COUPON} for
     * {@link #ACTIVATE_SHARE} of those and {@code PRINTED_COUPON} for {@link #PRINT_SHARE} of those. The open and the
     * link have no delay of their own: the open is stamped now, the link by the service when it is followed. Pure:
     * the same random state gives the same journey.
     */
    public static Journey journey(SplittableRandom random, CampaignSimulatorOptions options) {
        String customer = DemoCustomers.id(DemoCustomers.draw(random, options.customers()));
        String campaign = options.campaigns().get(random.nextInt(options.campaigns().size()));
        String page = options.couponPage(campaign);
        List<ClickStep> steps = new ArrayList<>(5);
        steps.add(new ClickStep(ClickAction.OPENED_EMAIL, options.emailPage(campaign), null, Duration.ZERO));
        if (random.nextDouble() >= FOLLOW_SHARE) {
            return new Journey(customer, campaign, steps);
        }
        steps.add(new ClickStep(ClickAction.CLICKED_LINK, page, null, Duration.ZERO));
        steps.add(new ClickStep(ClickAction.VIEWED_PAGE, page, null, thinkTime(random)));
        if (random.nextDouble() < ACTIVATE_SHARE) {
            steps.add(new ClickStep(ClickAction.ACTIVATED_COUPON, page + "/activate", DemoCoupons.COUPON_CODE, thinkTime(random)));
            if (random.nextDouble() < PRINT_SHARE) {
                steps.add(new ClickStep(ClickAction.PRINTED_COUPON, page + "/print", DemoCoupons.COUPON_CODE, thinkTime(random)));
            }
        }
        return new Journey(customer, campaign, steps);
    }

    /** The first {@code count} journeys a run with these options plays. */
    public static List<Journey> plan(CampaignSimulatorOptions options, int count) {
        SplittableRandom random = new SplittableRandom(options.seed());
        List<Journey> planned = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            planned.add(journey(random, options));
        }
        return planned;
    }

    /** Time between two steps: 100 ms to 1 s (the journey is a compressed visit; event times stay close to now). */
    private static Duration thinkTime(SplittableRandom random) {
        return Duration.ofMillis(100 + random.nextInt(900));
    }

    /** Asks a running {@link #run} to finish after the current journey. */
    public void stop() {
        stopped = true;
    }

    /** Plays journeys until the duration or count is reached, or {@link #stop()} is called. */
    public Progress run(ProgressListener listener) throws InterruptedException {
        SplittableRandom random = new SplittableRandom(options.seed());
        journeys = journeysCut = accepted = refused = lost = 0;
        started = System.nanoTime();
        nextReport = started + SECOND;
        long nanosPerJourney = (long) (SECOND / options.journeysPerSecond());
        long deadline = options.duration().isZero() ? Long.MAX_VALUE : started + options.duration().toNanos();
        while (!stopped && (options.maxJourneys() == 0 || journeys < options.maxJourneys())) {
            long due = started + journeys * nanosPerJourney;
            if (due >= deadline) {
                break;
            }
            waitUntil(due, listener);
            if (stopped) {
                break;
            }
            Journey journey = journey(random, options);
            journeys++;
            if (!play(journey, "sim-" + runId + "-" + journeys, listener)) {
                journeysCut++;
            }
            reportIfDue(listener);
        }
        Progress done = progress(true);
        listener.progress(done);
        return done;
    }

    /** Plays one journey; false when it stopped early because a click was refused for good. */
    private boolean play(Journey journey, String sessionId, ProgressListener listener) throws InterruptedException {
        ClickStep open = journey.steps().get(0);
        ClickBody opened = click(journey, sessionId + "-email", open, clock.instant());
        if (!send(post("/api/clicks", opened), 1, 202, listener)) {
            return false;
        }
        if (journey.steps().size() == 1) {
            return true; // Opened, not followed.
        }

        String page = journey.steps().get(1).url();
        URI link = URI.create(serviceUrl("/c/" + journey.campaignId() + "/"
                + tokens.tokenFor(journey.campaignId(), journey.customerId())
                + "?to=" + URLEncoder.encode(page, StandardCharsets.UTF_8)));
        HttpRequest follow = HttpRequest.newBuilder(link).timeout(REQUEST_TIMEOUT).GET().build();
        if (!send(follow, 1, 302, listener)) {
            return false; // The link did not work: this customer never reaches the coupon page.
        }

        // The page's clicks are sent as one batch now, so they are stamped as if the last one had just happened:
        // an event time ahead of the clock would be a click from the future, which the broker flags (a "future
        // timestamp" warning) in the windowed stores' changelogs that keep clicks at their event time.
        List<ClickStep> onPage = journey.steps().subList(2, journey.steps().size());
        Instant at = clock.instant().minus(onPage.stream().map(ClickStep::after).reduce(Duration.ZERO, Duration::plus));
        List<ClickBody> clicks = new ArrayList<>(journey.steps().size() - 2);
        for (ClickStep step : onPage) {
            at = at.plus(step.after());
            clicks.add(click(journey, sessionId, step, at));
        }
        return send(post("/api/clicks/batch", clicks), clicks.size(), 202, listener);
    }

    private static ClickBody click(Journey journey, String sessionId, ClickStep step, Instant at) {
        return new ClickBody(UUID.randomUUID().toString(), journey.campaignId(), journey.customerId(), sessionId,
                step.action().name(), step.url(), step.couponCode(), at.toString());
    }

    /** The body is built once, so a retry sends the same event ids: a copy is recognisable downstream. */
    private HttpRequest post(String path, Object body) {
        return HttpRequest.newBuilder(URI.create(serviceUrl(path)))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
    }

    private String serviceUrl(String path) {
        return options.serviceUrl().toString().replaceAll("/+$", "") + path;
    }

    /** The JSON of one click, as {@code /api/clicks} takes it. */
    record ClickBody(String eventId, String campaignId, String customerId, String sessionId, String action, String url,
                     String couponCode, String occurredAt) {
    }

    /**
     * Sends a request carrying {@code clicks} clicks; a 503 or an unreachable service is retried once after the
     * Retry-After delay. True when the clicks were accepted.
     */
    private boolean send(HttpRequest request, int clicks, int acceptedStatus, ProgressListener listener)
            throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            Duration retryAfter;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == acceptedStatus) {
                    accepted += clicks;
                    return true;
                }
                refused += clicks;
                if (response.statusCode() != 503) {
                    // Invalid request (400, 413...): retrying the same request would be refused the same way.
                    lost += clicks;
                    log.warn("{} {} refused with {}: {}", request.method(), request.uri().getPath(), response.statusCode(),
                            response.body());
                    return false;
                }
                retryAfter = retryAfter(response);
            } catch (IOException e) {
                refused += clicks;
                retryAfter = RETRY_WAIT_WITHOUT_HEADER;
                if (attempt == 1) {
                    log.warn("{} {} failed: {}", request.method(), request.uri(), e.toString());
                }
            }
            if (attempt == 2 || stopped) {
                lost += clicks;
                log.warn("{} {}: {} click(s) refused again after a retry, given up", request.method(),
                        request.uri().getPath(), clicks);
                return false;
            }
            waitUntil(System.nanoTime() + retryAfter.toNanos(), listener);
        }
    }

    /** The Retry-After seconds of a 503, bounded by {@link #MAX_RETRY_WAIT}; 1 s when absent or unreadable. */
    static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(value -> {
            try {
                long seconds = Long.parseLong(value.trim());
                return seconds < 0 ? RETRY_WAIT_WITHOUT_HEADER : Duration.ofSeconds(Math.min(seconds, MAX_RETRY_WAIT.toSeconds()));
            } catch (NumberFormatException httpDate) {
                return RETRY_WAIT_WITHOUT_HEADER;
            }
        }).orElse(RETRY_WAIT_WITHOUT_HEADER);
    }

    /** Parks until {@code nanoTime}, reporting progress on the way; returns early when stopped. */
    private void waitUntil(long nanoTime, ProgressListener listener) throws InterruptedException {
        for (long now = System.nanoTime(); now < nanoTime && !stopped; now = System.nanoTime()) {
            LockSupport.parkNanos(Math.min(nanoTime - now, Math.max(nextReport - now, 1_000_000L)));
            if (Thread.interrupted()) {
                throw new InterruptedException("campaign simulator interrupted");
            }
            reportIfDue(listener);
        }
    }

    private void reportIfDue(ProgressListener listener) {
        long now = System.nanoTime();
        if (now >= nextReport) {
            listener.progress(progress(false));
            while (nextReport <= now) {
                nextReport += SECOND;
            }
        }
    }

    private Progress progress(boolean finished) {
        return new Progress(journeys, journeysCut, accepted, refused, lost, Duration.ofNanos(System.nanoTime() - started),
                finished);
    }
}

package com.zmart.clickstream.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.zmart.clickstream.simulator.CampaignSimulator.ClickStep;
import com.zmart.clickstream.simulator.CampaignSimulator.Journey;
import com.zmart.events.ClickAction;
import com.zmart.simulator.scenario.DemoCoupons;
import com.zmart.simulator.scenario.DemoCustomers;
import org.junit.jupiter.api.Test;

class CampaignSimulatorTest {

    private static final CampaignSimulatorOptions DEFAULTS = CampaignSimulatorOptions.defaults();

    private static final List<ClickAction> OPENED = List.of(ClickAction.OPENED_EMAIL);
    private static final List<ClickAction> VIEWED = List.of(ClickAction.OPENED_EMAIL, ClickAction.CLICKED_LINK,
            ClickAction.VIEWED_PAGE);
    private static final List<ClickAction> ACTIVATED = List.of(ClickAction.OPENED_EMAIL, ClickAction.CLICKED_LINK,
            ClickAction.VIEWED_PAGE, ClickAction.ACTIVATED_COUPON);
    private static final List<ClickAction> PRINTED = List.of(ClickAction.OPENED_EMAIL, ClickAction.CLICKED_LINK,
            ClickAction.VIEWED_PAGE, ClickAction.ACTIVATED_COUPON, ClickAction.PRINTED_COUPON);

    @Test
    void journeysFollowTheFunnelWithRealisticDropOff() {
        List<Journey> journeys = CampaignSimulator.plan(DEFAULTS, 10_000);

        Map<List<ClickAction>, Long> shapes = journeys.stream().collect(Collectors.groupingBy(Journey::actions, Collectors.counting()));
        assertThat(shapes.keySet()).isSubsetOf(OPENED, VIEWED, ACTIVATED, PRINTED).hasSize(4);
        long followed = shapes.get(VIEWED) + shapes.get(ACTIVATED) + shapes.get(PRINTED);
        long activated = shapes.get(ACTIVATED) + shapes.get(PRINTED);
        // Every journey opens the email; each later step loses customers at its share (± 3 points).
        assertThat(followed / 10_000.0).isBetween(CampaignSimulator.FOLLOW_SHARE - 0.03, CampaignSimulator.FOLLOW_SHARE + 0.03);
        assertThat(activated / (double) followed).isBetween(CampaignSimulator.ACTIVATE_SHARE - 0.03,
                CampaignSimulator.ACTIVATE_SHARE + 0.03);
        assertThat(shapes.get(PRINTED) / (double) activated).isBetween(CampaignSimulator.PRINT_SHARE - 0.03,
                CampaignSimulator.PRINT_SHARE + 0.03);

        Set<String> customers = IntStream.rangeClosed(1, DEFAULTS.customers()).mapToObj(DemoCustomers::id).collect(Collectors.toSet());
        for (Journey journey : journeys) {
            assertThat(customers).contains(journey.customerId());
            assertThat(DEFAULTS.campaigns()).contains(journey.campaignId());
            String page = "https://coupons.zmart.example/" + journey.campaignId();
            assertThat(journey.steps().get(0)).isEqualTo(new ClickStep(ClickAction.OPENED_EMAIL, page + "/email", null, Duration.ZERO));
            if (journey.steps().size() > 1) {
                assertThat(journey.steps().get(1)).isEqualTo(new ClickStep(ClickAction.CLICKED_LINK, page, null, Duration.ZERO));
            }
            for (ClickStep step : journey.steps()) {
                assertThat(step.url()).startsWith(page);
                boolean couponStep = step.action() == ClickAction.ACTIVATED_COUPON || step.action() == ClickAction.PRINTED_COUPON;
                assertThat(step.couponCode()).isEqualTo(couponStep ? DemoCoupons.COUPON_CODE : null);
                if (step.action() != ClickAction.OPENED_EMAIL && step.action() != ClickAction.CLICKED_LINK) {
                    assertThat(step.after()).isBetween(Duration.ofMillis(100), Duration.ofSeconds(1));
                }
            }
        }
        // Spread over every campaign and most customers.
        assertThat(journeys.stream().map(Journey::campaignId).distinct()).hasSize(3);
        assertThat(journeys.stream().map(Journey::customerId).distinct().count()).isGreaterThan(990);
    }

    @Test
    void theSameSeedPlaysTheSameJourneysAndAnotherSeedOthers() {
        assertThat(CampaignSimulator.plan(DEFAULTS, 500)).isEqualTo(CampaignSimulator.plan(DEFAULTS, 500));
        assertThat(CampaignSimulator.plan(DEFAULTS.withSeed(7), 500)).isNotEqualTo(CampaignSimulator.plan(DEFAULTS, 500));

        SplittableRandom a = new SplittableRandom(3);
        SplittableRandom b = new SplittableRandom(3);
        for (int i = 0; i < 100; i++) {
            assertThat(CampaignSimulator.journey(a, DEFAULTS)).isEqualTo(CampaignSimulator.journey(b, DEFAULTS));
        }
    }

    @Test
    void customersAndCampaignsComeFromTheOptions() {
        CampaignSimulatorOptions few = DEFAULTS.withCustomers(3).withCampaigns(List.of("only-one"));
        Set<String> seen = new HashSet<>();
        for (Journey journey : CampaignSimulator.plan(few, 300)) {
            assertThat(journey.campaignId()).isEqualTo("only-one");
            seen.add(journey.customerId());
        }
        assertThat(seen).containsExactlyInAnyOrder("cust-000001", "cust-000002", "cust-000003");
    }

    @Test
    void couponPagesAreUnderTheDestination() {
        assertThat(DEFAULTS.couponPage("spring-sale")).isEqualTo("https://coupons.zmart.example/spring-sale");
        CampaignSimulatorOptions slash = new CampaignSimulatorOptions(DEFAULTS.serviceUrl(), 1, Duration.ZERO, 0,
                List.of("a"), 1, "s", URI.create("https://zmart.example/coupons/"), 1);
        assertThat(slash.couponPage("a")).isEqualTo("https://zmart.example/coupons/a");
    }

    @Test
    void optionsAreValidatedWithClearMessages() {
        Map<String, Function<CampaignSimulatorOptions, CampaignSimulatorOptions>> invalid = Map.ofEntries(
                Map.entry("serviceUrl must be an http(s) URL", o -> o.withServiceUrl(URI.create("ftp://host/"))),
                Map.entry("serviceUrl must be an http(s) URL with a host", o -> o.withServiceUrl(URI.create("localhost:8090"))),
                Map.entry("journeysPerSecond must be positive", o -> o.withRate(0)),
                Map.entry("journeysPerSecond must be positive, not NaN", o -> o.withRate(Double.NaN)),
                Map.entry("duration must not be negative", o -> o.withLimit(Duration.ofSeconds(-1), 0)),
                Map.entry("maxJourneys must not be negative", o -> o.withLimit(Duration.ZERO, -1)),
                Map.entry("campaigns must name at least one campaign", o -> o.withCampaigns(List.of())),
                Map.entry("campaign id 'spring sale' must be", o -> o.withCampaigns(List.of("spring sale"))),
                Map.entry("campaigns must not repeat", o -> o.withCampaigns(List.of("a", "a"))),
                Map.entry("customers must be between 1 and 999999, not 0", o -> o.withCustomers(0)),
                Map.entry("linkSecret must not be blank", o -> o.withLinkSecret(" ")));
        invalid.forEach((message, change) -> assertThatIllegalArgumentException().isThrownBy(() -> change.apply(DEFAULTS))
                .withMessageContaining(message));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CampaignSimulatorOptions(DEFAULTS.serviceUrl(), 1, Duration.ZERO, 0, List.of("a"), 1, "s",
                        URI.create("https://coupons.zmart.example/?x=1"), 1))
                .withMessageContaining("couponDestination must be an http(s) base URL");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CampaignSimulatorOptions(DEFAULTS.serviceUrl(), 1, null, 0, List.of("a"), 1, "s",
                        DEFAULTS.couponDestination(), 1))
                .withMessageContaining("duration");

        assertThat(DEFAULTS.campaigns()).containsExactly("spring-sale", "back-to-school", "holiday-deals");
        assertThat(DEFAULTS.customers()).isEqualTo(1000);
        assertThat(DEFAULTS.linkSecret()).isEqualTo("local-development-only-secret");
    }
}

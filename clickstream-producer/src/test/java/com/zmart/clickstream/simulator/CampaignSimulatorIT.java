package com.zmart.clickstream.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.zmart.clickstream.PlatformProperties;
import com.zmart.clickstream.simulator.CampaignSimulator.Journey;
import com.zmart.clickstream.simulator.CampaignSimulator.Progress;
import com.zmart.contracts.serde.TopicSerdes;
import com.zmart.contracts.topic.Topics;
import com.zmart.events.ClickAction;
import com.zmart.events.ClickEvent;
import com.zmart.platform.LocalPlatform;
import com.zmart.platform.junit.LocalPlatformTest;
import com.zmart.simulator.scenario.DemoCoupons;
import com.zmart.simulator.scenario.DemoCustomers;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The campaign simulator against the real service, broker and registry: every journey arrives, in order. */
@LocalPlatformTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CampaignSimulatorIT {

    private static final String SECRET = PlatformProperties.LINK_SECRET;

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        PlatformProperties.register(registry);
    }

    @Test
    void journeysArriveOnTheClicksTopicInOrderPerCustomer(LocalPlatform platform) throws Exception {
        // Campaign ids of this test only, so clicks of other tests on the topic are ignored; few customers, so that
        // customers have several journeys and their order is tested.
        CampaignSimulatorOptions options = CampaignSimulatorOptions.defaults()
                .withServiceUrl(URI.create("http://127.0.0.1:" + port))
                .withRate(20)
                .withLimit(Duration.ZERO, 20)
                .withCampaigns(List.of("it-sim-spring", "it-sim-holiday"))
                .withCustomers(5)
                .withLinkSecret(SECRET)
                .withSeed(2024);
        List<Journey> planned = CampaignSimulator.plan(options, 20);
        int plannedClicks = planned.stream().mapToInt(j -> j.steps().size()).sum();

        List<Progress> reports = new ArrayList<>();
        Progress done = new CampaignSimulator(options).run(reports::add);

        assertThat(done.finished()).isTrue();
        assertThat(done.journeys()).isEqualTo(20);
        assertThat(done.clicksRefused()).isZero();
        assertThat(done.clicksLost()).isZero();
        assertThat(done.journeysCut()).isZero();
        assertThat(done.clicksAccepted()).isEqualTo(plannedClicks);
        assertThat(reports).last().isEqualTo(done);

        List<ClickEvent> arrived = consume(platform, options, plannedClicks);

        Map<String, List<ClickAction>> expected = new LinkedHashMap<>();
        planned.forEach(j -> expected.computeIfAbsent(j.customerId(), c -> new ArrayList<>()).addAll(j.actions()));
        Map<String, List<ClickAction>> actual = arrived.stream().collect(Collectors.groupingBy(ClickEvent::getCustomerId,
                LinkedHashMap::new, Collectors.mapping(ClickEvent::getAction, Collectors.toList())));
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.keySet()).isSubsetOf(IntStream.rangeClosed(1, 5).mapToObj(DemoCustomers::id).toList());

        // Every journey opens the email; the page clicks of a journey that follows its link share a session, their
        // times increase, and the coupon is the registers'.
        assertThat(arrived).filteredOn(c -> c.getAction() == ClickAction.OPENED_EMAIL).hasSize(20)
                .allSatisfy(c -> assertThat(c.getUrl()).endsWith("/email"));
        long followed = planned.stream().filter(j -> j.actions().contains(ClickAction.CLICKED_LINK)).count();
        assertThat(followed).isBetween(1L, 19L);
        Map<String, List<ClickEvent>> sessions = arrived.stream()
                .filter(c -> c.getAction() != ClickAction.OPENED_EMAIL && c.getAction() != ClickAction.CLICKED_LINK)
                .collect(Collectors.groupingBy(ClickEvent::getSessionId, LinkedHashMap::new, Collectors.toList()));
        assertThat(sessions).hasSize((int) followed);
        sessions.values().forEach(session -> {
            assertThat(session.get(0).getAction()).isEqualTo(ClickAction.VIEWED_PAGE);
            assertThat(session.stream().map(ClickEvent::getOccurredAt).toList()).isSorted();
            assertThat(session.stream().map(ClickEvent::getCustomerId).distinct()).hasSize(1);
        });
        assertThat(arrived).filteredOn(c -> c.getAction() == ClickAction.ACTIVATED_COUPON || c.getAction() == ClickAction.PRINTED_COUPON)
                .isNotEmpty().allSatisfy(c -> assertThat(c.getCouponCode()).isEqualTo(DemoCoupons.COUPON_CODE));
    }

    /** The clicks of the options' campaigns on {@code zmart.clicks}, in the order they arrive, once all are there. */
    private static List<ClickEvent> consume(LocalPlatform platform, CampaignSimulatorOptions options, int expected) {
        List<ClickEvent> arrived = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                     ConsumerConfig.GROUP_ID_CONFIG, "campaign-simulator-it",
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                     new StringDeserializer(), new ByteArrayDeserializer());
             var deserializer = TopicSerdes.registry(platform.registry().apiV3Url()).valueDeserializer(Topics.CLICKS)) {
            consumer.subscribe(List.of(Topics.CLICKS.name()));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
                    ClickEvent click = deserializer.deserialize(record.topic(), record.value());
                    assertThat(record.key()).isEqualTo(click.getCustomerId());
                    if (options.campaigns().contains(click.getCampaignId())) {
                        arrived.add(click);
                    }
                }
                return arrived.size() >= expected;
            });
            // Nothing more than the journeys' clicks (no duplicates from retries).
            consumer.poll(Duration.ofMillis(500)).forEach(record -> assertThat(options.campaigns())
                    .doesNotContain(deserializer.deserialize(record.topic(), record.value()).getCampaignId()));
        }
        assertThat(arrived).hasSize(expected);
        return arrived;
    }
}

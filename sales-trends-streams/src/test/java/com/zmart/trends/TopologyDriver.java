package com.zmart.trends;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.zmart.contracts.topic.Topics;
import com.zmart.events.CampaignAttribution;
import com.zmart.events.CampaignConversion;
import com.zmart.events.CampaignFunnel;
import com.zmart.events.ClickEvent;
import com.zmart.events.Sale;
import com.zmart.events.SalesTrend;
import com.zmart.streams.error.DeadLetterPublisher;
import com.zmart.streams.runtime.StreamsRuntimeSettings;
import com.zmart.streams.testing.DriverTopics;
import com.zmart.trends.config.SalesTrendsProperties;
import com.zmart.trends.runtime.EvenPartitionProgress;
import com.zmart.trends.topology.SalesTrendsTopology;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The whole topology in a TopologyTestDriver with the settings the service runs with (dead-letter handlers included:
 * their letters go to {@link #deadLetters()}), the fixtures' properties, and its topics as tests use them.
 */
public final class TopologyDriver implements AutoCloseable {

    private final DriverTopics topics = new DriverTopics();
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, Sale> sales;
    private final TestInputTopic<String, ClickEvent> clicks;
    private final TestOutputTopic<String, SalesTrend> trends;
    private final TestOutputTopic<String, CampaignAttribution> attributions;
    private final TestOutputTopic<String, CampaignConversion> conversions;
    private final TestOutputTopic<String, CampaignFunnel> funnels;
    private final MockProducer<byte[], byte[]> deadLetters =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());

    public TopologyDriver(Path stateDir) {
        this(stateDir, TrendsFixtures.properties());
    }

    public TopologyDriver(Path stateDir, SalesTrendsProperties properties) {
        Properties config = new StreamsRuntimeSettings("sales-trends-test", "localhost:9092", stateDir.toString(), 1,
                Topics.SALES_TRENDS_DLT.name(), null, EvenPartitionProgress.withOverrides(properties.streams()))
                .streamsProperties(new HostInfo("localhost", 8093),
                        new DeadLetterPublisher(() -> deadLetters, Duration.ofSeconds(1)));
        driver = new TopologyTestDriver(SalesTrendsTopology.buildTopology(properties, topics.streamsTopics()), config,
                TrendsFixtures.T0);
        sales = topics.input(driver, Topics.SALES);
        clicks = topics.input(driver, Topics.CLICKS);
        trends = topics.output(driver, Topics.SALES_TRENDS);
        attributions = topics.output(driver, Topics.CAMPAIGN_ATTRIBUTIONS);
        conversions = topics.output(driver, Topics.CAMPAIGN_CONVERSIONS);
        funnels = topics.output(driver, Topics.CAMPAIGN_FUNNELS);
    }

    public TopologyTestDriver driver() {
        return driver;
    }

    /** A sale line, keyed by its transaction id as the connector writes it. */
    public void buy(Sale sale) {
        sales.pipeInput(sale.getTransactionId(), sale);
    }

    /** A click, keyed by customer id as the clickstream producer writes it. */
    public void click(ClickEvent click) {
        clicks.pipeInput(click.getCustomerId(), click);
    }

    /** Trend records written since the last call, in order, after one more emit interval of wall-clock time. */
    public List<KeyValue<String, SalesTrend>> trends() {
        passEmitInterval();
        return trends.readKeyValuesToList();
    }

    /** Lets the wall clock pass one emit interval: the windows changed since the last one are written. */
    public void passEmitInterval() {
        driver.advanceWallClockTime(TrendsFixtures.EMIT_INTERVAL);
    }

    /** The latest trend of each key written since the last call (what the compacted topic keeps). */
    public Map<String, SalesTrend> latestTrends() {
        Map<String, SalesTrend> latest = new LinkedHashMap<>();
        trends().forEach(kv -> latest.put(kv.key, kv.value));
        return latest;
    }

    public List<KeyValue<String, CampaignAttribution>> attributions() {
        return attributions.readKeyValuesToList();
    }

    public Map<String, CampaignConversion> latestConversions() {
        Map<String, CampaignConversion> latest = new LinkedHashMap<>();
        conversions.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
        return latest;
    }

    /** The latest funnel of each campaign written since the last call (what the compacted topic keeps). */
    public Map<String, CampaignFunnel> latestFunnels() {
        Map<String, CampaignFunnel> latest = new LinkedHashMap<>();
        funnels.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
        return latest;
    }

    /** The dead letters the production handlers wrote, in order. */
    public List<ProducerRecord<byte[], byte[]>> deadLetters() {
        return deadLetters.history();
    }

    public <V> WindowStore<String, V> windowStore(String name) {
        return driver.getWindowStore(name);
    }

    @Override
    public void close() {
        driver.close();
    }
}

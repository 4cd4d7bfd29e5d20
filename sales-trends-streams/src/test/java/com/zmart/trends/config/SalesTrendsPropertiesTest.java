package com.zmart.trends.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** Binds application.yml (only the properties, nothing that reaches Kafka) and checks the validation rules. */
class SalesTrendsPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
                    ValidationAutoConfiguration.class))
            .withUserConfiguration(PropertiesOnly.class);

    @Test
    void theDefaultsOfApplicationYmlBindAndAreValid() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            SalesTrendsProperties properties = context.getBean(SalesTrendsProperties.class);
            assertThat(properties.applicationId()).isEqualTo("zmart-sales-trends");
            assertThat(properties.bootstrapServers()).isEqualTo("127.0.0.1:9092");
            assertThat(properties.registryUrl()).isEqualTo("http://127.0.0.1:8081/apis/registry/v3");
            assertThat(properties.advertisedHost()).isEqualTo("127.0.0.1");
            assertThat(properties.trends().windows()).extracting(TrendWindow::kind)
                    .containsExactly("tumbling-1m", "hopping-1h-5m");
            assertThat(properties.trends().grace()).isEqualTo(Duration.ofMinutes(10));
            assertThat(properties.trends().topItems()).isEqualTo(5);
            assertThat(properties.attribution().window()).isEqualTo(Duration.ofDays(7));
            assertThat(properties.attribution().receiptIdleTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(properties.streams()).isEmpty();
            assertThat(context.getEnvironment().getProperty("server.port")).isEqualTo("8094");
        });
    }

    @Test
    void environmentVariablesOfTheDeploymentApply() {
        runner.withSystemProperties("KAFKA_BOOTSTRAP_SERVERS=kafka:29092", "REGISTRY_URL=http://registry/apis/registry/v3")
                .run(context -> {
                    SalesTrendsProperties properties = context.getBean(SalesTrendsProperties.class);
                    assertThat(properties.bootstrapServers()).isEqualTo("kafka:29092");
                    assertThat(properties.registryUrl()).isEqualTo("http://registry/apis/registry/v3");
                });
    }

    @Test
    void windowsAndDurationsMustBeSensible() {
        // A list set in a property source replaces the whole list of application.yml.
        assertInvalid("advance between 0 (exclusive) and the size", "zmart.sales-trends.trends.windows[0].size=1h",
                "zmart.sales-trends.trends.windows[0].advance=2h");
        assertInvalid("advance between 0 (exclusive) and the size", "zmart.sales-trends.trends.windows[0].size=0s");
        assertInvalid("windows must be distinct", "zmart.sales-trends.trends.windows[0].size=1m",
                "zmart.sales-trends.trends.windows[1].size=1m",
                "zmart.sales-trends.trends.windows[1].advance=1m");
        assertInvalid("grace must not be negative", "zmart.sales-trends.trends.grace=-1s");
        assertInvalid("emit-interval must be positive", "zmart.sales-trends.trends.emit-interval=0s");
        assertInvalid("topItems", "zmart.sales-trends.trends.top-items=0");
        assertInvalid("dedup-retention must be positive", "zmart.sales-trends.dedup-retention=0s");
        assertInvalid("attribution window", "zmart.sales-trends.attribution.window=0s");
    }

    @Test
    void theStoreKeepsWindowsAtLeastAsLongAsStreamsNeeds() {
        TrendsProperties trends = new TrendsProperties(java.util.List.of(TrendWindow.tumbling(Duration.ofHours(2))),
                Duration.ofMinutes(10), Duration.ofMillis(500), Duration.ofHours(1), 5);

        assertThat(trends.storeRetention(trends.windows().get(0))).isEqualTo(Duration.ofMinutes(130));
    }

    @Test
    void windowKindsNameSizeAndAdvance() {
        assertThat(TrendWindow.tumbling(Duration.ofSeconds(30)).kind()).isEqualTo("tumbling-30s");
        assertThat(TrendWindow.hopping(Duration.ofDays(1), Duration.ofHours(1)).kind()).isEqualTo("hopping-24h-1h");
        assertThat(TrendWindow.hopping(Duration.ofMinutes(1), Duration.ofMinutes(1)).kind()).isEqualTo("tumbling-1m");
        assertThat(TrendWindow.tumbling(Duration.ofMillis(1500)).kind()).isEqualTo("tumbling-1500ms");
    }

    private void assertInvalid(String expectedMessage, String... properties) {
        runner.withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(expectedMessage);
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SalesTrendsProperties.class)
    static class PropertiesOnly {
    }
}

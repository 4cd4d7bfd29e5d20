package com.zmart.rewards.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
class RewardsPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
                    ValidationAutoConfiguration.class))
            .withUserConfiguration(PropertiesOnly.class);

    @Test
    void theDefaultsOfApplicationYmlBindAndAreValid() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            RewardsProperties properties = context.getBean(RewardsProperties.class);
            assertThat(properties.applicationId()).isEqualTo("zmart-rewards");
            assertThat(properties.bootstrapServers()).isEqualTo("127.0.0.1:9092");
            assertThat(properties.registryUrl()).isEqualTo("http://127.0.0.1:8081/apis/registry/v3");
            assertThat(properties.thresholds()).containsExactly(100L, 250L, 500L, 1000L);
            assertThat(properties.points().perCurrencyUnit()).isEqualByComparingTo(BigDecimal.ONE);
            assertThat(properties.points().departmentMultipliers().get("electronics"))
                    .isEqualByComparingTo(BigDecimal.valueOf(2));
            assertThat(properties.tiers()).isEqualTo(new RewardsProperties.Tiers(250, 500, 1000));
            assertThat(properties.dedupRetention()).isEqualTo(Duration.ofDays(35));
            assertThat(properties.streams()).isEmpty();
        });
    }

    @Test
    void thresholdsMustBeStrictlyAscending() {
        assertInvalid("thresholds must be strictly ascending", "zmart.rewards.thresholds=100,500,250");
        assertInvalid("thresholds must be strictly ascending", "zmart.rewards.thresholds=100,100");
    }

    @Test
    void tiersMustBeStrictlyAscending() {
        assertInvalid("tier thresholds must be strictly ascending", "zmart.rewards.tiers.gold=1500");
    }

    @Test
    void couponDiscountAndRetentionMustBeSensible() {
        assertInvalid("couponDiscountPercent", "zmart.rewards.coupon-discount-percent=0");
        assertInvalid("dedup-retention must be positive", "zmart.rewards.dedup-retention=0s");
        assertInvalid("perCurrencyUnit", "zmart.rewards.points.per-currency-unit=-1");
    }

    @Test
    void extraStreamsSettingsBind() {
        runner.withPropertyValues("zmart.rewards.streams[security.protocol]=SASL_SSL").run(context ->
                assertThat(context.getBean(RewardsProperties.class).streams())
                        .containsEntry("security.protocol", "SASL_SSL"));
    }

    private void assertInvalid(String expectedMessage, String... properties) {
        runner.withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(expectedMessage);
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RewardsProperties.class)
    static class PropertiesOnly {
    }
}

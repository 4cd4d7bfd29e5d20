package com.zmart.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class ApiSecurityPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Bind.class);

    @Test
    void aCommaSeparatedVariableBindsToTheKeysWithoutBlanks() {
        context.withPropertyValues("zmart.security.api-keys= key-a , key-b,,key-a")
                .run(c -> assertThat(c.getBean(ApiSecurityProperties.class).apiKeys()).containsExactly("key-a", "key-b"));
    }

    @Test
    void anEmptyOrMissingVariableIsNoKeyAtAll() {
        context.withPropertyValues("zmart.security.api-keys=")
                .run(c -> assertThat(c.getBean(ApiSecurityProperties.class).apiKeys()).isEmpty());
        context.run(c -> assertThat(c.getBean(ApiSecurityProperties.class).apiKeys()).isEmpty());
    }

    @Test
    void printingThePropertiesNeverShowsAKey() {
        assertThat(new ApiSecurityProperties(java.util.List.of("secret-key-1", "secret-key-2")).toString())
                .doesNotContain("secret").contains("2 configured");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ApiSecurityProperties.class)
    static class Bind {
    }
}

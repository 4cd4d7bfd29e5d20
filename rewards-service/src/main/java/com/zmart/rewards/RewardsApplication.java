package com.zmart.rewards;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Awards loyalty points for sales and issues coupons when members cross point thresholds (Kafka Streams). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RewardsApplication {

    public static void main(String[] args) {
        SpringApplication.run(RewardsApplication.class, args);
    }
}

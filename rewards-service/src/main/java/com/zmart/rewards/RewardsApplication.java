package com.zmart.rewards;

import com.zmart.web.problems.ProblemResponsesConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** Awards loyalty points for sales and issues coupons when members cross point thresholds (Kafka Streams). */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(ProblemResponsesConfiguration.class) // every error problem+json, malformed requests 4xx
public class RewardsApplication {

    public static void main(String[] args) {
        SpringApplication.run(RewardsApplication.class, args);
    }
}

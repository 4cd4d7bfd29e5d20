package com.zmart.trends;

import com.zmart.web.problems.ProblemResponsesConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** Sales trends per store and department, and campaign attribution of purchases to coupon clicks (Kafka Streams). */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(ProblemResponsesConfiguration.class) // every error problem+json, malformed requests 4xx
public class SalesTrendsApplication {

    public static void main(String[] args) {
        SpringApplication.run(SalesTrendsApplication.class, args);
    }
}

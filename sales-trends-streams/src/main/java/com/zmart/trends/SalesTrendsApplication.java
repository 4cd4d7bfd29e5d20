package com.zmart.trends;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Sales trends per store and department, and campaign attribution of purchases to coupon clicks (Kafka Streams). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SalesTrendsApplication {

    public static void main(String[] args) {
        SpringApplication.run(SalesTrendsApplication.class, args);
    }
}

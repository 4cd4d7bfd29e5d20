package com.zmart.clickstream;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Captures campaign and web clicks over HTTP and produces them into Kafka. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ClickstreamApplication {

    public static void main(String[] args) {
        SpringApplication.run(ClickstreamApplication.class, args);
    }
}

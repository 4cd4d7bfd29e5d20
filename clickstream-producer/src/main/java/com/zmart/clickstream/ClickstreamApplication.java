package com.zmart.clickstream;

import com.zmart.web.problems.ProblemResponsesConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** Captures campaign and web clicks over HTTP and produces them into Kafka. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(ProblemResponsesConfiguration.class) // every error problem+json, malformed requests 4xx
public class ClickstreamApplication {

    public static void main(String[] args) {
        SpringApplication.run(ClickstreamApplication.class, args);
    }
}

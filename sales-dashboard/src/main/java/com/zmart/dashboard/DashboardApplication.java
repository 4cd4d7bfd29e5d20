package com.zmart.dashboard;

import com.zmart.web.problems.ProblemResponsesConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** The live sales dashboard: charts over the tables that the JDBC sink connector keeps up to date. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(ProblemResponsesConfiguration.class) // every error problem+json, malformed requests 4xx
public class DashboardApplication {

    public static void main(String[] args) {
        SpringApplication.run(DashboardApplication.class, args);
    }
}

package com.zmart.inventory;

import com.zmart.web.problems.ProblemResponsesConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Keeps stock per store and item from the sales and requests one reorder per crossing below the reorder point. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(ProblemResponsesConfiguration.class) // every error problem+json, malformed requests 4xx
@EnableScheduling
public class InventoryApplication {

    public static void main(String[] args) {
        SpringApplication.run(InventoryApplication.class, args);
    }
}

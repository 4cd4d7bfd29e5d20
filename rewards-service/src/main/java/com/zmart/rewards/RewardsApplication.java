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
        // Jakarta Mail 2.1 looks its StreamProvider up with a ServiceLoader scan of the whole class path for every
        // multipart and every encoded header (jakartaee/mail-api#861): 2-3 ms of CPU per coupon email here. Naming
        // the provider replaces the scan by one class lookup.
        System.setProperty("jakarta.mail.util.StreamProvider",
                System.getProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider"));
        SpringApplication.run(RewardsApplication.class, args);
    }
}

package com.zmart.bench.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web stack's ceiling for the lookup benchmark: a GET under /api (so through the same Tomcat, Spring MVC, API-key
 * security chain, metrics and Jackson as a lookup) that answers a constant view without any store access. Outside
 * the rewards service's packages, so only the benchmark, which adds it to its application, serves it.
 */
@RestController
public class BareEndpoint {

    public static final String PATH = "/api/bench-bare/";

    record View(String memberId, long points, String tier, long nextThreshold, long pointsToNextThreshold) {
    }

    @GetMapping(PATH + "{memberId}")
    View view(@PathVariable String memberId) {
        return new View(memberId, 120, "BRONZE", 250, 130);
    }
}

package com.zmart.inventory.sale;

import java.time.Clock;

import com.zmart.inventory.config.InventoryProperties;
import com.zmart.inventory.support.DbTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets applied sale lines once no redelivery can bring them back: {@code zmart.sales} keeps records 30 days, the
 * keys are kept {@code dedup-retention} (35 days by default).
 */
@Component
class ProcessedLinesCleanup {

    private static final Logger log = LoggerFactory.getLogger(ProcessedLinesCleanup.class);

    private final JdbcClient jdbc;
    private final InventoryProperties properties;
    private final Clock clock;

    ProcessedLinesCleanup(JdbcClient jdbc, InventoryProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT10M")
    void forgetOldLines() {
        int deleted = jdbc.sql("DELETE FROM processed_sale_lines WHERE processed_at < ?")
                .param(DbTime.of(clock.instant().minus(properties.dedupRetention()))).update();
        if (deleted > 0) {
            log.info("Forgot {} sale lines applied more than {} ago", deleted, properties.dedupRetention());
        }
    }
}

package com.zmart.inventory.stock;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.zmart.inventory.config.InventoryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Creates stock for the register simulator's catalog (ids as sales-connector's {@code StoreCatalog} makes them:
 * {@code store-%03d}, {@code sku-%05d}) when the service starts. Existing items keep their level and policy, so a
 * restart never resets stock. Runs while the context is being built, before the listener containers start, so the
 * first sales find their items.
 */
@Component
class StockSeeder implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(StockSeeder.class);

    private final StockRepository stock;
    private final InventoryProperties.Seed seed;
    private final Clock clock;

    StockSeeder(StockRepository stock, InventoryProperties properties, Clock clock) {
        this.stock = stock;
        this.seed = properties.seed();
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        if (!seed.enabled()) {
            return;
        }
        Instant now = clock.instant();
        List<StockLevel> items = new ArrayList<>(seed.stores() * seed.products());
        for (int store = 1; store <= seed.stores(); store++) {
            for (int product = 1; product <= seed.products(); product++) {
                items.add(new StockLevel(storeId(store), sku(product), seed.onHand(), seed.reorderPoint(),
                        seed.reorderQuantity(), now));
            }
        }
        int created = stock.createMissing(items);
        log.info("Seeded stock: {} of {} items created ({} stores x {} products)", created, items.size(),
                seed.stores(), seed.products());
    }

    static String storeId(int index) {
        return "store-%03d".formatted(index);
    }

    static String sku(int index) {
        return "sku-%05d".formatted(index);
    }
}

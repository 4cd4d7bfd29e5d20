package com.zmart.trends.bench;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

import com.zmart.contracts.sale.SaleKeys;
import com.zmart.contracts.serde.TopicSerdes;
import com.zmart.contracts.topic.Topics;
import com.zmart.events.Sale;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes sale lines to {@code zmart.sales} as the connector does (Avro through the registry, keyed by SaleKeys,
 * lines of a receipt together): 20 stores, 6 departments, 200 products, 2,000 customers, 1 to 4 lines per receipt,
 * one receipt every 20 ms of event time. Seeded, so every run writes the same data.
 */
final class SalesLoad {

    private static final String[] DEPARTMENTS = {"grocery", "bakery", "electronics", "garden", "toys", "clothing"};
    private static final long RECEIPT_EVERY_MS = 20;

    private SalesLoad() {
    }

    /** Writes at least {@code lines} lines; answers how many. */
    static long write(String bootstrapServers, String registryUrl, long lines, Instant start) {
        Random random = new Random(42);
        long written = 0;
        long receipt = 0;
        TopicSerdes serdes = TopicSerdes.registry(registryUrl);
        try (KafkaProducer<String, Sale> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 262_144,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                serdes.keySerializer(Topics.SALES), serdes.valueSerializer(Topics.SALES))) {
            while (written < lines) {
                String transactionId = "bench-" + receipt;
                String store = "store-%03d".formatted(random.nextInt(20));
                String customer = "cust-%06d".formatted(random.nextInt(2_000));
                Instant purchasedAt = start.plusMillis(receipt * RECEIPT_EVERY_MS);
                int lineCount = 1 + random.nextInt(4);
                for (int line = 1; line <= lineCount; line++) {
                    int product = random.nextInt(200);
                    Sale sale = Sale.newBuilder()
                            .setTransactionId(transactionId).setLineNumber(line)
                            .setStoreId(store).setStoreZipCode("100" + store.substring(6)).setStoreRegion("north-east")
                            .setCustomerId(customer).setLoyaltyMemberId(null)
                            .setSku("sku-%03d".formatted(product)).setProductName("Product " + product)
                            .setDepartment(DEPARTMENTS[product % DEPARTMENTS.length])
                            .setQuantity(1 + random.nextInt(3))
                            .setUnitPrice(BigDecimal.valueOf(100 + random.nextInt(5_000), 2))
                            .setCouponCode(null).setDiscount(new BigDecimal("0.00"))
                            .setMaskedCardNumber("xxxx-xxxx-xxxx-0000").setPurchasedAt(purchasedAt)
                            .build();
                    producer.send(new ProducerRecord<>(Topics.SALES.name(), SaleKeys.of(sale), sale));
                    written++;
                }
                receipt++;
            }
            producer.flush();
        }
        return written;
    }
}

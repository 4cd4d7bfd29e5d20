package com.zmart.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.zmart.contracts.testing.ContractFixtures;
import com.zmart.events.Restock;
import com.zmart.events.Sale;
import com.zmart.inventory.stock.StockLevel;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Records and stock rows for tests; each test uses its own store ids so tests never share an item. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A store id no other test uses. */
    public static String newStore() {
        return "it-store-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String newTransaction() {
        return "it-tx-" + UUID.randomUUID();
    }

    /** Creates an item of {@code storeId} with this stock and policy. */
    public static void stock(JdbcClient jdbc, String storeId, String sku, int onHand, int reorderPoint, int reorderQuantity) {
        jdbc.sql("INSERT INTO stock (store_id, sku, on_hand, reorder_point, reorder_quantity) VALUES (?, ?, ?, ?, ?)")
                .params(storeId, sku, onHand, reorderPoint, reorderQuantity).update();
    }

    public static int onHand(JdbcClient jdbc, String storeId, String sku) {
        return jdbc.sql("SELECT on_hand FROM stock WHERE store_id = ? AND sku = ?").params(storeId, sku)
                .query(Integer.class).single();
    }

    public static Sale sale(String transactionId, int line, String storeId, String sku, int quantity) {
        return ContractFixtures.sale()
                .setTransactionId(transactionId)
                .setLineNumber(line)
                .setStoreId(storeId)
                .setStoreZipCode("30301")
                .setStoreRegion("south-east")
                .setCustomerId("cust-000007")
                .setSku(sku)
                .setProductName("desk lamp #" + sku)
                .setDepartment("home")
                .setQuantity(quantity)
                .setUnitPrice(new BigDecimal("24.50"))
                .setMaskedCardNumber("xxxxxxxxxxxx4242")
                .setPurchasedAt(Instant.now())
                .build();
    }

    public static Restock restock(String storeId, String sku, int quantity, String reorderId) {
        return ContractFixtures.restock()
                .setRestockId("it-restock-" + UUID.randomUUID())
                .setStoreId(storeId)
                .setSku(sku)
                .setQuantity(quantity)
                .setReorderId(reorderId)
                .setReceivedAt(Instant.now())
                .build();
    }

    public static String key(String storeId, String sku) {
        return StockLevel.key(storeId, sku);
    }
}

package com.zmart.trends.attribution;

import static com.zmart.trends.TrendsFixtures.RECEIPT_IDLE;
import static com.zmart.trends.TrendsFixtures.T0;
import static com.zmart.trends.TrendsFixtures.click;
import static com.zmart.trends.TrendsFixtures.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.zmart.events.CampaignAttribution;
import com.zmart.events.CampaignConversion;
import com.zmart.events.ClickAction;
import com.zmart.events.ClickEvent;
import com.zmart.events.Sale;
import com.zmart.trends.TopologyTestBase;
import com.zmart.trends.state.Receipt;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/** Coupon clicks joined with later purchases of the same customer, through the whole topology. */
class AttributionTopologyTest extends TopologyTestBase {

    private static final String ADA = "cust-ada";
    private static final String BOB = "cust-bob";
    private static final Instant DAY_LATER = T0.plus(Duration.ofDays(1));

    /** Receipts close when the partition stays silent for the idle timeout. */
    private void pause() {
        driver.driver().advanceWallClockTime(RECEIPT_IDLE.plusMillis(1));
    }

    @Test
    void aPurchaseAfterACouponClickIsAttributedOnceWithTheRevenueOfAllItsLines() {
        ClickEvent activated = click(ADA, "spring-sale", ClickAction.ACTIVATED_COUPON, T0);
        driver.click(activated);
        driver.buy(sale("t-1", 1, ADA, "10.00", 2).setPurchasedAt(DAY_LATER).setCouponCode("SPRING10").build());
        driver.buy(sale("t-1", 2, ADA, "5.00", 1).setPurchasedAt(DAY_LATER).setDiscount(new BigDecimal("1.00")).build());
        pause();

        List<KeyValue<String, CampaignAttribution>> out = driver.attributions();
        assertThat(out).singleElement().satisfies(kv -> {
            assertThat(kv.key).isEqualTo("spring-sale");
            CampaignAttribution a = kv.value;
            assertThat(a.getCampaignId()).isEqualTo("spring-sale");
            assertThat(a.getCustomerId()).isEqualTo(ADA);
            assertThat(a.getClickEventId()).isEqualTo(activated.getEventId());
            assertThat(a.getClickAction()).isEqualTo(ClickAction.ACTIVATED_COUPON);
            assertThat(a.getClickedAt()).isEqualTo(T0);
            assertThat(a.getTransactionId()).isEqualTo("t-1");
            assertThat(a.getStoreId()).isEqualTo("store-001");
            assertThat(a.getPurchasedAt()).isEqualTo(DAY_LATER);
            assertThat(a.getRevenue()).isEqualByComparingTo("24.00");
            assertThat(a.getCouponCode()).isEqualTo("SPRING10");
        });
        assertThat(driver.latestConversions().get("spring-sale")).satisfies(c -> {
            assertThat(c.getConversionCount()).isEqualTo(1);
            assertThat(c.getAttributedRevenue()).isEqualByComparingTo("24.00");
            assertThat(c.getLastConversionAt()).isEqualTo(DAY_LATER);
        });
    }

    @Test
    void theNextTransactionOnThePartitionClosesAReceiptWithoutWaiting() {
        driver.click(click(ADA, "spring-sale", ClickAction.PRINTED_COUPON, T0));
        driver.buy(sale("t-1", 1, ADA, "10.00", 1).setPurchasedAt(DAY_LATER).build());
        assertThat(driver.attributions()).isEmpty();

        driver.buy(sale("t-2", 1, BOB, "1.00", 1).setPurchasedAt(DAY_LATER).build());

        assertThat(driver.attributions()).extracting(kv -> kv.value.getTransactionId()).containsExactly("t-1");
    }

    /**
     * An outage holds the rest of a purchase back for longer than the idle timeout: its receipt is taken as complete,
     * and the lines after it make a second part, which adds its revenue but not a second purchase.
     */
    @Test
    void linesThatArriveAfterTheirReceiptClosedAddTheirRevenueWithoutCountingThePurchaseAgain() {
        driver.click(click(ADA, "spring-sale", ClickAction.ACTIVATED_COUPON, T0));
        driver.click(click(ADA, "spring-sale", ClickAction.PRINTED_COUPON, T0.plusSeconds(60)));
        driver.buy(sale("t-1", 1, ADA, "10.00", 1).setPurchasedAt(DAY_LATER).build());
        pause();
        driver.buy(sale("t-1", 2, ADA, "5.00", 1).setPurchasedAt(DAY_LATER).build());
        driver.buy(sale("t-1", 3, ADA, "2.50", 2).setPurchasedAt(DAY_LATER).build());
        pause();

        List<CampaignAttribution> out = driver.attributions().stream().map(kv -> kv.value).toList();
        assertThat(out).extracting(CampaignAttribution::getTransactionId).containsOnly("t-1");
        assertThat(out).extracting(a -> a.getRevenue().toPlainString(), CampaignAttribution::getNewPurchase)
                .containsExactly(tuple("10.00", true),
                        tuple("10.00", false));
        assertThat(driver.latestConversions().get("spring-sale")).satisfies(c -> {
            assertThat(c.getConversionCount()).isEqualTo(1);
            assertThat(c.getAttributedRevenue()).isEqualByComparingTo("20.00");
        });

        // A redelivered late line is dropped with the other repeated lines; the parts are credited once.
        driver.buy(sale("t-1", 2, ADA, "5.00", 1).setPurchasedAt(DAY_LATER).build());
        pause();
        assertThat(driver.attributions()).isEmpty();
        assertThat(driver.latestConversions()).isEmpty();
    }

    @Test
    void theOpenReceiptIsTheTasksOnlyEntryInItsStore() {
        driver.buy(sale("t-1", 1, ADA, "10.00", 1).setPurchasedAt(DAY_LATER).build());
        driver.buy(sale("t-2", 1, BOB, "1.00", 1).setPurchasedAt(DAY_LATER).build());
        driver.buy(sale("t-2", 2, BOB, "2.00", 1).setPurchasedAt(DAY_LATER).build());

        KeyValueStore<String, Receipt> open = driver.driver().getKeyValueStore(ReceiptAssembler.OPEN_RECEIPTS_STORE);
        List<KeyValue<String, Receipt>> entries = new ArrayList<>();
        open.all().forEachRemaining(entries::add);
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.key).isEqualTo(ReceiptAssembler.OPEN);
            assertThat(entry.value.getTransactionId()).isEqualTo("t-2");
            assertThat(entry.value.getLines()).isEqualTo(2);
        });

        pause();
        assertThat(open.approximateNumEntries()).isZero();
    }

    @Test
    void duplicatedLinesAndSeveralClicksOfOneCampaignCreditAPurchaseOnce() {
        driver.click(click(ADA, "spring-sale", ClickAction.ACTIVATED_COUPON, T0));
        driver.click(click(ADA, "spring-sale", ClickAction.PRINTED_COUPON, T0.plusSeconds(60)));
        driver.click(click(ADA, "summer-sale", ClickAction.ACTIVATED_COUPON, T0.plusSeconds(120)));
        Sale line = sale("t-1", 1, ADA, "10.00", 1).setPurchasedAt(DAY_LATER).build();
        driver.buy(line);
        driver.buy(line);
        driver.buy(sale("t-1", 2, ADA, "2.00", 1).setPurchasedAt(DAY_LATER).build());
        driver.buy(line);
        pause();

        List<CampaignAttribution> out = driver.attributions().stream().map(kv -> kv.value).toList();
        assertThat(out).extracting(CampaignAttribution::getCampaignId)
                .containsExactlyInAnyOrder("spring-sale", "summer-sale");
        assertThat(out).allSatisfy(a -> assertThat(a.getRevenue()).isEqualByComparingTo("12.00"));
        Map<String, CampaignConversion> conversions = driver.latestConversions();
        assertThat(conversions.get("spring-sale").getConversionCount()).isEqualTo(1);
        assertThat(conversions.get("summer-sale").getConversionCount()).isEqualTo(1);
    }

    @Test
    void conversionsAddUpPurchasesPerCampaign() {
        driver.click(click(ADA, "spring-sale", ClickAction.ACTIVATED_COUPON, T0));
        driver.click(click(BOB, "spring-sale", ClickAction.ACTIVATED_COUPON, T0));
        driver.buy(sale("t-1", 1, ADA, "10.00", 1).setPurchasedAt(DAY_LATER).build());
        driver.buy(sale("t-2", 1, BOB, "20.00", 1).setPurchasedAt(DAY_LATER.plusSeconds(60)).build());
        driver.buy(sale("t-3", 1, ADA, "30.00", 1).setPurchasedAt(DAY_LATER.plusSeconds(30)).build());
        pause();

        assertThat(driver.attributions()).hasSize(3);
        assertThat(driver.latestConversions().get("spring-sale")).satisfies(c -> {
            assertThat(c.getConversionCount()).isEqualTo(3);
            assertThat(c.getAttributedRevenue()).isEqualByComparingTo("60.00");
            assertThat(c.getLastConversionAt()).isEqualTo(DAY_LATER.plusSeconds(60));
        });
    }

    @Test
    void onlyCouponClicksOfTheSameCustomerWithinTheWindowBeforeThePurchaseCount() {
        driver.click(click(ADA, "viewed", ClickAction.VIEWED_PAGE, T0));
        driver.click(click(ADA, "opened", ClickAction.OPENED_EMAIL, T0));
        driver.click(click(BOB, "other-customer", ClickAction.ACTIVATED_COUPON, T0));
        driver.click(click(ADA, "too-old", ClickAction.ACTIVATED_COUPON, DAY_LATER.minus(Duration.ofDays(8))));
        driver.click(click(ADA, "after-purchase", ClickAction.ACTIVATED_COUPON, DAY_LATER.plusSeconds(1)));
        driver.click(click(ADA, "within-7-days", ClickAction.PRINTED_COUPON, DAY_LATER.minus(Duration.ofDays(7))));
        driver.buy(sale("t-1", 1, ADA, "10.00", 1).setPurchasedAt(DAY_LATER).build());
        pause();

        assertThat(driver.attributions()).extracting(kv -> kv.value.getCampaignId()).containsExactly("within-7-days");
    }

    @Test
    void aClickThatArrivesAfterThePurchaseItPrecededIsStillJoined() {
        driver.buy(sale("t-1", 1, ADA, "10.00", 1).setPurchasedAt(DAY_LATER).build());
        pause();
        assertThat(driver.attributions()).isEmpty();

        driver.click(click(ADA, "spring-sale", ClickAction.ACTIVATED_COUPON, T0));

        assertThat(driver.attributions()).extracting(kv -> kv.value.getTransactionId()).containsExactly("t-1");
    }

    @Test
    void purchasesWithoutAClickAreNotAttributed() {
        driver.buy(sale("t-1", 1, ADA, "10.00", 1).build());
        pause();

        assertThat(driver.attributions()).isEmpty();
        assertThat(driver.latestConversions()).isEmpty();
    }
}

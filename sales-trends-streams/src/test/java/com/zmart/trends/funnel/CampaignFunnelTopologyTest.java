package com.zmart.trends.funnel;

import static com.zmart.trends.TrendsFixtures.RECEIPT_IDLE;
import static com.zmart.trends.TrendsFixtures.T0;
import static com.zmart.trends.TrendsFixtures.click;
import static com.zmart.trends.TrendsFixtures.sale;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.zmart.events.CampaignFunnel;
import com.zmart.events.ClickAction;
import com.zmart.events.ClickEvent;
import com.zmart.trends.TopologyTestBase;
import org.junit.jupiter.api.Test;

/** Clicks and attributed purchases summed into one funnel per campaign, through the whole topology. */
class CampaignFunnelTopologyTest extends TopologyTestBase {

    private static final String ADA = "cust-ada";
    private static final String BOB = "cust-bob";
    private static final String CY = "cust-cy";
    private static final Instant DAY_LATER = T0.plus(Duration.ofDays(1));

    private void pause() {
        driver.driver().advanceWallClockTime(RECEIPT_IDLE.plusMillis(1));
    }

    private void clicks(String customer, String campaign, ClickAction... actions) {
        for (int i = 0; i < actions.length; i++) {
            driver.click(click(customer, campaign, actions[i], T0.plusSeconds(i)));
        }
    }

    @Test
    void eachStepOfEachCampaignIsCountedAndPurchasesAreTheAttributedOnes() {
        clicks(ADA, "spring-sale", ClickAction.OPENED_EMAIL, ClickAction.CLICKED_LINK, ClickAction.VIEWED_PAGE,
                ClickAction.ACTIVATED_COUPON, ClickAction.PRINTED_COUPON);
        clicks(BOB, "spring-sale", ClickAction.OPENED_EMAIL, ClickAction.CLICKED_LINK, ClickAction.VIEWED_PAGE,
                ClickAction.ACTIVATED_COUPON);
        clicks(CY, "spring-sale", ClickAction.OPENED_EMAIL);
        clicks(CY, "summer-sale", ClickAction.OPENED_EMAIL, ClickAction.OPENED_EMAIL);
        driver.buy(sale("t-1", 1, ADA, "10.00", 1).setPurchasedAt(DAY_LATER).build());
        driver.buy(sale("t-2", 1, BOB, "4.00", 2).setPurchasedAt(DAY_LATER.plusSeconds(5)).build());
        // CY opened the email only: a purchase without a coupon click is not the campaign's.
        driver.buy(sale("t-3", 1, CY, "7.00", 1).setPurchasedAt(DAY_LATER.plusSeconds(9)).build());
        pause();

        Map<String, CampaignFunnel> funnels = driver.latestFunnels();
        assertThat(funnels.keySet()).containsExactlyInAnyOrder("spring-sale", "summer-sale");
        assertThat(counts(funnels.get("spring-sale"))).containsExactly(3L, 2L, 2L, 1L, 2L);
        assertThat(funnels.get("spring-sale").getLastEventAt()).isEqualTo(DAY_LATER.plusSeconds(5));
        assertThat(counts(funnels.get("summer-sale"))).containsExactly(2L, 0L, 0L, 0L, 0L);
        assertThat(funnels.get("summer-sale").getLastEventAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(funnels.get("spring-sale").getPurchases())
                .isEqualTo(driver.latestConversions().get("spring-sale").getConversionCount());
    }

    @Test
    void aClickDeliveredTwiceIsCountedOnce() {
        ClickEvent opened = click(ADA, "spring-sale", ClickAction.OPENED_EMAIL, T0);
        driver.click(opened);
        driver.click(opened);
        driver.click(click(ADA, "spring-sale", ClickAction.OPENED_EMAIL, T0));

        assertThat(counts(driver.latestFunnels().get("spring-sale"))).containsExactly(2L, 0L, 0L, 0L, 0L);
    }

    /** Lines held back past the receipt's idle timeout add revenue to the conversion, not a second purchase. */
    @Test
    void aPurchaseCreditedInTwoPartsIsOnePurchase() {
        clicks(ADA, "spring-sale", ClickAction.ACTIVATED_COUPON);
        driver.buy(sale("t-1", 1, ADA, "10.00", 1).setPurchasedAt(DAY_LATER).build());
        pause();
        driver.buy(sale("t-1", 2, ADA, "5.00", 1).setPurchasedAt(DAY_LATER).build());
        pause();

        assertThat(driver.attributions()).hasSize(2);
        assertThat(counts(driver.latestFunnels().get("spring-sale"))).containsExactly(0L, 0L, 1L, 0L, 1L);
    }

    /** opened, clicked, activated, printed, purchased. */
    private static List<Long> counts(CampaignFunnel funnel) {
        return List.of(funnel.getEmailsOpened(), funnel.getLinksClicked(), funnel.getCouponsActivated(),
                funnel.getCouponsPrinted(), funnel.getPurchases());
    }
}

package com.zmart.contracts.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import com.zmart.contracts.deadletter.InvalidRecordException;
import com.zmart.contracts.testing.ContractFixtures;
import com.zmart.events.Sale;
import org.junit.jupiter.api.Test;

class SaleLineRulesTest {

    @Test
    void aCompletePurchaseBreaksNoRule() {
        assertThat(SaleLineRules.problems(line().build())).isEmpty();
        assertThat(SaleLineRules.problems(line().setQuantity(SaleLineRules.MAX_QUANTITY).build())).isEmpty();
        assertThat(SaleLineRules.problems(line().setUnitPrice(new BigDecimal("0.00")).build()))
                .as("a free item is a sale").isEmpty();
    }

    @Test
    void aReturnIsNotASaleLine() {
        assertThat(SaleLineRules.problems(line().setQuantity(-1).build()))
                .containsExactly("quantity must be between 1 and 1000000");
        assertThat(SaleLineRules.problems(line().setQuantity(0).build()))
                .containsExactly("quantity must be between 1 and 1000000");
        assertThat(SaleLineRules.problems(line().setQuantity(SaleLineRules.MAX_QUANTITY + 1).build()))
                .containsExactly("quantity must be between 1 and 1000000");
    }

    @Test
    void eachBrokenRuleIsNamedByItsFieldWithoutItsValue() {
        Sale sale = line().setTransactionId(" ").setLineNumber(0).setStoreId("").setCustomerId(" ").setSku("")
                .setDepartment("\t").setQuantity(0).setUnitPrice(new BigDecimal("-0.01"))
                .setDiscount(new BigDecimal("-1.00")).build();
        assertThat(SaleLineRules.problems(sale)).containsExactly("transactionId must not be blank",
                "lineNumber must be at least 1", "storeId must not be blank", "customerId must not be blank",
                "sku must not be blank", "department must not be blank", "quantity must be between 1 and 1000000",
                "unitPrice must not be negative", "discount must not be negative");
    }

    @Test
    void aNetAmountBeyondTheAggregatesIsInvalid() {
        // Only a producer ignoring the decimal's precision writes such a price.
        Sale sale = line().setUnitPrice(new BigDecimal("1e20")).build();
        assertThat(SaleLineRules.problems(sale)).containsExactly("net amount must fit the aggregates");
    }

    @Test
    void requireValidThrowsWithTheProblems() {
        SaleLineRules.requireValid(line().build());
        assertThatThrownBy(() -> SaleLineRules.requireValid(line().setQuantity(-3).setSku(" ").build()))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage("Invalid sale line: sku must not be blank, quantity must be between 1 and 1000000")
                .satisfies(e -> assertThat(((InvalidRecordException) e).problems()).hasSize(2));
    }

    @Test
    void theNetAmountIsPriceTimesQuantityLessTheDiscount() {
        Sale sale = line().setQuantity(3).setUnitPrice(new BigDecimal("2.50")).setDiscount(new BigDecimal("1.25"))
                .build();
        assertThat(SaleLineAmounts.net(sale)).isEqualByComparingTo("6.25");
        assertThat(SaleLineAmounts.netCents(sale)).isEqualTo(625);
        assertThat(SaleLineAmounts.fromCents(625)).isEqualTo(new BigDecimal("6.25"));
        assertThat(SaleLineAmounts.netCents(line().setDiscount(new BigDecimal("9.00")).build()))
                .as("a discount beyond the line's price").isEqualTo(-600);
    }

    @Test
    void aLineIsIdentifiedByItsTransactionAndPosition() {
        Sale sale = line().setTransactionId("tx-7").setLineNumber(2).build();
        assertThat(SaleLineId.of(sale)).isEqualTo(new SaleLineId("tx-7", 2)).hasToString("tx-7#2");
    }

    private static Sale.Builder line() {
        return ContractFixtures.sale();
    }
}

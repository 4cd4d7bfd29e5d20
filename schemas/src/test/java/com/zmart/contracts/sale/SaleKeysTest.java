package com.zmart.contracts.sale;

import static org.assertj.core.api.Assertions.assertThat;

import com.zmart.contracts.testing.ContractFixtures;
import com.zmart.events.Sale;
import org.junit.jupiter.api.Test;

class SaleKeysTest {

    @Test
    void aLineWithAMemberIsKeyedByTheMember() {
        Sale sale = line().setTransactionId("tx-7").setLoyaltyMemberId("member-3").build();
        assertThat(SaleKeys.of(sale)).isEqualTo("member-3");
    }

    @Test
    void aLineWithoutAMemberIsKeyedByItsTransaction() {
        Sale sale = line().setTransactionId("tx-7").setLoyaltyMemberId(null).build();
        assertThat(SaleKeys.of(sale)).isEqualTo("tx-7");
    }

    private static Sale.Builder line() {
        return ContractFixtures.sale();
    }
}

package com.zmart.links;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailLinkTokensTest {

    private final EmailLinkTokens tokens = new EmailLinkTokens("secret");

    @Test
    void aTokenNamesItsCustomerForItsCampaign() {
        String token = tokens.tokenFor("spring-sale", "cust-000042");

        assertThat(tokens.customerOf("spring-sale", token)).contains("cust-000042");
    }

    @Test
    void aTokenDoesNotVerifyForAnotherCampaignSecretOrCustomer() {
        String token = tokens.tokenFor("spring-sale", "cust-000042");
        String otherCustomer = tokens.tokenFor("spring-sale", "cust-000043");
        String forged = otherCustomer.substring(0, otherCustomer.indexOf('.')) + token.substring(token.indexOf('.'));

        assertThat(tokens.customerOf("holiday-deals", token)).isEmpty();
        assertThat(new EmailLinkTokens("other-secret").customerOf("spring-sale", token)).isEmpty();
        assertThat(tokens.customerOf("spring-sale", forged)).isEmpty();
    }

    @Test
    void malformedTokensAreRejectedWithoutErrors() {
        for (String bad : new String[] {"", ".", "abc", "abc.", ".abc", "!!!.???", "a".repeat(600) + ".x"}) {
            assertThat(tokens.customerOf("spring-sale", bad)).as(bad).isEmpty();
        }
    }
}

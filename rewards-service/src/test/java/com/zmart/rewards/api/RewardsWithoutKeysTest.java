package com.zmart.rewards.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.zmart.rewards.config.RewardsSecurity;
import com.zmart.rewards.lookup.MemberRewardsLookup;
import com.zmart.security.ApiSecurityProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** application.yml has no default key: without ZMART_API_KEYS no key opens a lookup, not even the demo's. */
@WebMvcTest(controllers = RewardsController.class)
@Import(RewardsSecurity.class)
class RewardsWithoutKeysTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiSecurityProperties properties;

    @MockitoBean
    MemberRewardsLookup lookup;

    @Test
    void noKeyIsConfiguredAndEveryLookupIs401() throws Exception {
        assumeThat(System.getenv("ZMART_API_KEYS")).as("ZMART_API_KEYS set in this shell").isNull();

        assertThat(properties.apiKeys()).isEmpty();
        for (String key : new String[] {"zmart-local-demo-key", "", "null"}) {
            mvc.perform(get("/api/rewards/member-000042").header("X-API-Key", key)).andExpect(status().isUnauthorized());
        }
        verifyNoInteractions(lookup);
    }
}

package com.zmart.rewards.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import com.zmart.rewards.config.RewardsSecurity;
import com.zmart.rewards.lookup.CouponView;
import com.zmart.rewards.lookup.MemberRewardsLookup;
import com.zmart.rewards.lookup.MemberRewardsView;
import com.zmart.security.ApiKeyAuthenticationConverter;
import com.zmart.streams.interactivequeries.InteractiveQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Lookups are customer data: no valid X-API-Key, no answer, and the store is never asked. */
@WebMvcTest(controllers = RewardsController.class, properties = "zmart.security.api-keys=" + RewardsApiSecurityTest.KEY)
@Import(RewardsSecurity.class)
class RewardsApiSecurityTest {

    static final String KEY = "rewards-test-key-0123456789";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    MemberRewardsLookup lookup;

    @Test
    void aLookupWithoutAKeyIs401AndNeverReachesTheStore() throws Exception {
        unauthorized(mvc.perform(get("/api/rewards/member-000042")));
        unauthorized(mvc.perform(get("/api/rewards/member-000042/coupons")));
        unauthorized(mvc.perform(post("/api/rewards/member-000042")));
        // A forwarded lookup is no exception: the owner checks the caller's key like any other request.
        unauthorized(mvc.perform(get("/api/rewards/member-000042").header(InteractiveQueries.FORWARDED_HEADER, "true")));
        verifyNoInteractions(lookup);
    }

    @Test
    void aWrongKeyIs401Too() throws Exception {
        unauthorized(mvc.perform(withKey(get("/api/rewards/member-000042"), KEY + "x")));
        unauthorized(mvc.perform(withKey(get("/api/rewards/member-000042"), KEY.substring(1))));
        unauthorized(mvc.perform(withKey(get("/api/rewards/member-000042"), "zmart-local-demo-key")));
        verifyNoInteractions(lookup);
    }

    @Test
    void theKeyOpensLookupsAndForwardedLookups() throws Exception {
        when(lookup.rewards(eq("member-000042"), anyString(), eq(false))).thenReturn(rewards(false));
        when(lookup.rewards(eq("member-000042"), anyString(), eq(true))).thenReturn(rewards(false));

        mvc.perform(withKey(get("/api/rewards/member-000042"), KEY)).andExpect(status().isOk())
                .andExpect(jsonPath("$.totalPoints").value(110));
        mvc.perform(withKey(get("/api/rewards/member-000042/coupons"), KEY)).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].thresholdPoints").value(100));
        mvc.perform(withKey(get("/api/rewards/member-000042"), KEY).header(InteractiveQueries.FORWARDED_HEADER, "true"))
                .andExpect(status().isOk());
        verify(lookup).rewards("member-000042", "/api/rewards/member-000042", true);
    }

    @Test
    void forwardingPassesOnTheHeaderThatSecurityReads() {
        assertThat(InteractiveQueries.API_KEY_HEADER).isEqualTo(ApiKeyAuthenticationConverter.HEADER);
    }

    private static MockHttpServletRequestBuilder withKey(MockHttpServletRequestBuilder request, String key) {
        return request.header(ApiKeyAuthenticationConverter.HEADER, key);
    }

    private static void unauthorized(ResultActions result) throws Exception {
        result.andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "ApiKey header=\"X-API-Key\""))
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.status").value(401));
    }

    private static MemberRewardsView rewards(boolean fromStandby) {
        return new MemberRewardsView("member-000042", 110, "BRONZE", 2, Instant.parse("2025-01-31T10:00:00Z"), 250L, 140L,
                List.of(new CouponView(100, "C-1", 10)), fromStandby);
    }
}

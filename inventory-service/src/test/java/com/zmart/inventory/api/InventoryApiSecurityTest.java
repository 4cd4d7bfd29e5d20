package com.zmart.inventory.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import com.zmart.inventory.config.InventorySecurity;
import com.zmart.inventory.reorder.ReorderRepository;
import com.zmart.inventory.restock.RestockResult;
import com.zmart.inventory.restock.RestockService;
import com.zmart.inventory.sale.UnknownSaleLines;
import com.zmart.inventory.stock.ReorderPolicyService;
import com.zmart.inventory.stock.StockLevel;
import com.zmart.inventory.stock.StockRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Writes need a valid X-API-Key and never reach the database without one; reads stay open. */
@WebMvcTest(controllers = {StockController.class, RestockController.class},
        properties = "zmart.security.api-keys=" + InventoryApiSecurityTest.KEY)
@Import({InventorySecurity.class, InventoryApiSecurityTest.FixedClock.class})
class InventoryApiSecurityTest {

    static final String KEY = "inventory-test-key-0123456789";
    private static final String POLICY = "/api/stock/store-001/sku-00001/reorder-policy";
    private static final String POLICY_BODY = "{\"reorderPoint\": 10, \"reorderQuantity\": 50}";
    private static final String RESTOCK_BODY = "{\"storeId\": \"store-001\", \"sku\": \"sku-00001\", \"quantity\": 5}";
    private static final StockLevel LEVEL = new StockLevel("store-001", "sku-00001", 40, 10, 50,
            Instant.parse("2025-01-31T10:00:00Z"));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    StockRepository stock;
    @MockitoBean
    ReorderRepository reorders;
    @MockitoBean
    ReorderPolicyService policies;
    @MockitoBean
    UnknownSaleLines unknown;
    @MockitoBean
    RestockService restocks;

    @Test
    void writesWithoutAKeyAre401AndChangeNothing() throws Exception {
        unauthorized(mvc.perform(json(put(POLICY), POLICY_BODY)));
        unauthorized(mvc.perform(json(post("/api/restocks"), RESTOCK_BODY)));
        // Writes that do not exist yet are covered too, before anyone routes them.
        unauthorized(mvc.perform(delete("/api/stock/store-001/sku-00001")));
        unauthorized(mvc.perform(patch("/api/stock/store-001/sku-00001")));
        verifyNoInteractions(policies, restocks, stock);
    }

    @Test
    void aWrongKeyIs401Too() throws Exception {
        unauthorized(mvc.perform(withKey(json(put(POLICY), POLICY_BODY), KEY + "0")));
        unauthorized(mvc.perform(withKey(json(post("/api/restocks"), RESTOCK_BODY), "zmart-local-demo-key")));
        verifyNoInteractions(policies, restocks);
    }

    @Test
    void theKeyOpensTheWrites() throws Exception {
        when(policies.change("store-001", "sku-00001", 10, 50)).thenReturn(LEVEL);
        when(restocks.apply(any())).thenReturn(new RestockResult("r-1", true, LEVEL, null, null));
        when(reorders.findOpen(anyString(), anyString())).thenReturn(Optional.empty());

        mvc.perform(withKey(json(put(POLICY), POLICY_BODY), KEY)).andExpect(status().isOk())
                .andExpect(jsonPath("$.reorderPoint").value(10));
        mvc.perform(withKey(json(post("/api/restocks"), RESTOCK_BODY), KEY)).andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(true));
        // Validation still runs behind the key: a bad body is a 400, not a 401.
        mvc.perform(withKey(json(put(POLICY), "{\"reorderPoint\": -1, \"reorderQuantity\": 50}"), KEY))
                .andExpect(status().isBadRequest());
    }

    @Test
    void readsNeedNoKey() throws Exception {
        when(stock.find("store-001", "sku-00001")).thenReturn(Optional.of(LEVEL));
        when(stock.belowReorderPoint(any(), anyInt())).thenReturn(java.util.List.of());

        mvc.perform(get("/api/stock/store-001/sku-00001")).andExpect(status().isOk())
                .andExpect(jsonPath("$.onHand").value(40));
        mvc.perform(get("/api/stock/below-reorder-point")).andExpect(status().isOk());
        mvc.perform(get("/api/stock/store-001/sku-00001").header("X-API-Key", "wrong")).andExpect(status().isOk());
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder withKey(MockHttpServletRequestBuilder request, String key) {
        return request.header("X-API-Key", key);
    }

    private static void unauthorized(ResultActions result) throws Exception {
        result.andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "ApiKey header=\"X-API-Key\""))
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.status").value(401));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2025-01-31T10:00:00Z"), ZoneOffset.UTC);
        }
    }
}

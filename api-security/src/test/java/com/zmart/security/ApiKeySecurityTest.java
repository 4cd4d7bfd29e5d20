package com.zmart.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = TestService.class, properties = {
        "zmart.security.api-keys=" + ApiKeySecurityTest.KEY_1 + ", " + ApiKeySecurityTest.KEY_2,
        // The most Spring Security ever logs: a key must not be in it.
        "logging.level.org.springframework.security=TRACE"})
@AutoConfigureMockMvc
class ApiKeySecurityTest {

    static final String KEY_1 = "first-key-0123456789abcdef";
    static final String KEY_2 = "second-key-0123456789abcdef";
    private static final String WRONG = "first-key-0123456789abcdeX";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Test
    void protectedRequestsWithoutAKeyAre401ProblemsWithAChallenge() throws Exception {
        unauthorized(mvc.perform(get("/api/customers/c-1")))
                .andExpect(jsonPath("$.instance").value("/api/customers/c-1"));
        unauthorized(mvc.perform(get("/api/customers/c-1").header("X-API-Key", "  ")));
        unauthorized(mvc.perform(post("/api/items/i-1")));
        unauthorized(mvc.perform(put("/api/items/i-1")));
    }

    @Test
    void aWrongKeyGetsTheVerySameAnswerAsNoKey() throws Exception {
        MvcResult none = unauthorized(mvc.perform(get("/api/customers/c-1"))).andReturn();
        MvcResult wrong = unauthorized(mvc.perform(get("/api/customers/c-1").header("X-API-Key", WRONG))).andReturn();

        assertThat(wrong.getResponse().getContentAsString()).isEqualTo(none.getResponse().getContentAsString());
        assertThat(wrong.getResponse().getHeaderNames()).containsExactlyInAnyOrderElementsOf(
                none.getResponse().getHeaderNames());
        unauthorized(mvc.perform(post("/api/items/i-1").header("X-API-Key", KEY_1.toUpperCase())));
    }

    @Test
    void everyConfiguredKeyIsAccepted() throws Exception {
        for (String key : new String[] {KEY_1, KEY_2}) {
            mvc.perform(get("/api/customers/c-1").header("X-API-Key", key)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.id").value("c-1"));
            // No CSRF token needed: a header-borne key is not something a browser adds by itself.
            mvc.perform(post("/api/items/i-1").header("X-API-Key", key)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.changed").value("true"));
        }
    }

    @Test
    void openRequestsIgnoreKeysEntirely() throws Exception {
        mvc.perform(get("/api/items/i-1")).andExpect(status().isOk());
        mvc.perform(head("/api/items/i-1")).andExpect(status().isOk());
        mvc.perform(get("/api/items/i-1").header("X-API-Key", WRONG)).andExpect(status().isOk());
        mvc.perform(get("/actuator/health")).andExpect(status().isNotFound()); // not exposed here, but not a 401
    }

    @Test
    void nothingIsKeptBetweenRequests() throws Exception {
        MvcResult accepted = mvc.perform(get("/api/customers/c-1").header("X-API-Key", KEY_1))
                .andExpect(status().isOk()).andReturn();
        assertThat(accepted.getRequest().getSession(false)).isNull();
        assertThat(accepted.getResponse().getHeader("Set-Cookie")).isNull();
        // The key of one request does not open the next.
        unauthorized(mvc.perform(get("/api/customers/c-1")));
    }

    @Test
    void requestsTheFirewallRefusesAre400Problems() throws Exception {
        mvc.perform(get(URI.create("/api/customers/%2e%2e/items/i-1"))).andExpect(status().isBadRequest())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.instance").doesNotExist());
        mvc.perform(get(URI.create("/api/items;a=b/i-1"))).andExpect(status().isBadRequest())
                .andExpect(content().contentType("application/problem+json"));
    }

    @Test
    void noDefaultUserAndNoKeyInTheLog(CapturedOutput output) throws Exception {
        mvc.perform(get("/api/customers/c-1").header("X-API-Key", KEY_1)).andExpect(status().isOk());
        mvc.perform(get("/api/customers/c-1").header("X-API-Key", WRONG)).andExpect(status().isUnauthorized());

        assertThat(context.getBeanProvider(UserDetailsService.class).getIfAvailable()).isNull();
        assertThat(output).doesNotContain("generated security password").doesNotContain(KEY_1).doesNotContain(KEY_2)
                .doesNotContain(WRONG).contains("2 API key(s) configured");
    }

    private static ResultActions unauthorized(ResultActions result) throws Exception {
        return result.andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "ApiKey header=\"X-API-Key\""))
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("Unauthorized"))
                .andExpect(jsonPath("$.detail").value(ProblemJsonAuthenticationEntryPoint.DETAIL));
    }
}

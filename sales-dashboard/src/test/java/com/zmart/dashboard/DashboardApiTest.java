package com.zmart.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.zmart.dashboard.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The JSON API, the page and its assets, on the application's real queries against a real PostgreSQL migrated by
 * the application's Flyway scripts (rows written as the JDBC sink writes them).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"zmart.dashboard.default-range=1h", "zmart.dashboard.max-range=1d", "zmart.dashboard.max-campaigns=50",
                "zmart.dashboard.shown-series=2"})
@AutoConfigureMockMvc
class DashboardApiTest {

    static final Instant NOW = Instant.parse("2026-03-02T12:00:30Z");
    static final Instant W1 = Instant.parse("2026-03-02T11:57:00Z");
    static final Instant W2 = Instant.parse("2026-03-02T11:58:00Z");
    static final Instant W3 = Instant.parse("2026-03-02T11:59:00Z");

    @Autowired
    MockMvcTester mvc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @BeforeEach
    void rows() {
        TestDatabase.truncate();
        TestDatabase.trend("store-01", "Dairy", "tumbling-1m", W1, 3, "7.50", items(MILK, 2, 5.00, BUTTER, 1, 2.50));
        TestDatabase.trend("store-01", "Dairy", "tumbling-1m", W3, 1, "2.25", items(BUTTER, 1, 2.25));
        TestDatabase.trend("store-01", "Bakery", "tumbling-1m", W2, 2, "4.00", items(BREAD, 2, 4.00));
        TestDatabase.trend("store-02", "Dairy", "tumbling-1m", W2, 5, "12.00", items(MILK, 5, 12.00));
        // Other view, and a window older than the default hour: neither is charted by default.
        TestDatabase.trend("store-01", "Dairy", "hopping-1h-5m", W1, 40, "100.00", items(MILK, 40, 100.00));
        TestDatabase.trend("store-01", "Dairy", "tumbling-1m", NOW.minusSeconds(7200), 9, "99.00", items(CHEESE, 9, 99.00));
        TestDatabase.conversion("spring-sale", 7, "140.00", W2);
        TestDatabase.conversion("coupon-week", 12, "220.50", W3);
        TestDatabase.conversion("loyalty-boost", 7, "80.00", W1);
        TestDatabase.funnel("spring-sale", 10, 6, 4, 3, 2, W2);
        TestDatabase.funnel("coupon-week", 0, 0, 3, 1, 1, W3);
        TestDatabase.funnel("loyalty-boost", 8, 4, 2, 2, 2, W1);
    }

    private static final String MILK = "sku-milk:Milk";
    private static final String BUTTER = "sku-butter:Butter";
    private static final String BREAD = "sku-bread:Bread";
    private static final String CHEESE = "sku-cheese:Cheese \\\"aged\\\"";

    /** Top items as the sink's JsonAsText writes them: (sku:name, units, revenue) triples. */
    private static String items(Object... triples) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < triples.length; i += 3) {
            String[] item = ((String) triples[i]).split(":", 2);
            items.add(String.format(Locale.ROOT, "{\"sku\":\"%s\",\"productName\":\"%s\",\"units\":%d,"
                    + "\"revenue\":%.2f}", item[0], item[1], (Integer) triples[i + 1], (Double) triples[i + 2]));
        }
        return "[" + String.join(",", items) + "]";
    }

    @Test
    void trendsOfTheDefaultViewAndRangeAreOneSeriesPerStoreAndDepartmentAlignedOnTheWindows() {
        assertThat(mvc.get().uri("/api/trends")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.windowKind", v -> v.assertThat().isEqualTo("tumbling-1m"))
                .hasPathSatisfying("$.from", v -> v.assertThat().isEqualTo("2026-03-02T11:00:30Z"))
                .hasPathSatisfying("$.windows", v -> v.assertThat().asList()
                        .containsExactly(W1.toString(), W2.toString(), W3.toString()))
                .hasPathSatisfying("$.series[*].label", v -> v.assertThat().asList()
                        .containsExactly("store-01 · Bakery", "store-01 · Dairy", "store-02 · Dairy"))
                .hasPathSatisfying("$.series[1].units", v -> v.assertThat().asList().containsExactly(3, 0, 1))
                .hasPathSatisfying("$.series[1].revenue", v -> v.assertThat().asList().containsExactly(7.5, 0, 2.25))
                .hasPathSatisfying("$.totalUnits", v -> v.assertThat().isEqualTo(11))
                .hasPathSatisfying("$.totalRevenue", v -> v.assertThat().isEqualTo(25.75));
    }

    @Test
    void linesPerStoreSumTheDepartmentsAndFiltersNarrowTheRows() {
        assertThat(mvc.get().uri("/api/trends?groupBy=store")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.series[*].label", v -> v.assertThat().asList().containsExactly("store-01", "store-02"))
                .hasPathSatisfying("$.series[0].units", v -> v.assertThat().asList().containsExactly(3, 2, 1))
                .hasPathSatisfying("$.series[0].department", v -> v.assertThat().isNull());

        assertThat(mvc.get().uri("/api/trends?groupBy=department&storeId=store-02")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.windows", v -> v.assertThat().asList().containsExactly(W2.toString()))
                .hasPathSatisfying("$.series[*].label", v -> v.assertThat().asList().containsExactly("Dairy"))
                .hasPathSatisfying("$.series[0].units", v -> v.assertThat().asList().containsExactly(5));

        assertThat(mvc.get().uri("/api/trends?windowKind=hopping-1h-5m&department=Dairy")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.series[0].units", v -> v.assertThat().asList().containsExactly(40));
    }

    @Test
    void aLongerRangeEndingEarlierReachesOlderWindows() {
        assertThat(mvc.get().uri("/api/trends?range=PT3H&until=2026-03-02T11:00:00Z&groupBy=store")).hasStatusOk()
                .bodyJson()
                .hasPathSatisfying("$.windows", v -> v.assertThat().asList().containsExactly("2026-03-02T10:00:30Z"))
                .hasPathSatisfying("$.totalUnits", v -> v.assertThat().isEqualTo(9));
    }

    @ParameterizedTest
    @CsvSource({
            "windowKind=DROP%20TABLE, windowKind",
            "groupBy=region, groupBy",
            "range=PT10S, range",
            "range=P30D, range",
            "range=soon, range",
            "until=yesterday, until",
            "storeId=%3Cscript%3E, storeId"
    })
    void aBadTrendParameterIsAProblemNamingIt(String query, String parameter) {
        assertThat(mvc.get().uri("/api/trends?" + query)).hasStatus(400)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).bodyJson()
                .hasPathSatisfying("$.status", v -> v.assertThat().isEqualTo(400))
                .hasPathSatisfying("$.errors[0].field", v -> v.assertThat().isEqualTo(parameter));
    }

    @Test
    void campaignsAreListedByConversionsMostFirstTiesByName() {
        assertThat(mvc.get().uri("/api/campaign-conversions")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$[*].campaignId", v -> v.assertThat().asList()
                        .containsExactly("coupon-week", "loyalty-boost", "spring-sale"))
                .hasPathSatisfying("$[0].conversionCount", v -> v.assertThat().isEqualTo(12))
                .hasPathSatisfying("$[0].attributedRevenue", v -> v.assertThat().isEqualTo(220.5))
                .hasPathSatisfying("$[0].lastConversionAt", v -> v.assertThat().isEqualTo(W3.toString()));

        assertThat(mvc.get().uri("/api/campaign-conversions?limit=1")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$[*].campaignId", v -> v.assertThat().asList().containsExactly("coupon-week"));
    }

    @ParameterizedTest
    @CsvSource({"0", "51", "many"})
    void aLimitOutsideItsBoundsIsAProblem(String limit) {
        assertThat(mvc.get().uri("/api/campaign-conversions?limit=" + limit)).hasStatus(400)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).bodyJson()
                .hasPathSatisfying("$.errors[0].field", v -> v.assertThat().isEqualTo("limit"));
    }

    @Test
    void theSeriesShownFirstAreTheConfiguredNumberWithTheMostRevenue() {
        assertThat(mvc.get().uri("/api/trends")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.shownSeries", v -> v.assertThat().asList()
                        .containsExactly("store-02 · Dairy", "store-01 · Dairy"));
        assertThat(mvc.get().uri("/api/trends?groupBy=department")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.shownSeries", v -> v.assertThat().asList().containsExactly("Dairy", "Bakery"));
    }

    @Test
    void topItemsPerStoreSumTheWindowsOfTheViewAndRangeMostUnitsFirstThenRevenue() {
        assertThat(mvc.get().uri("/api/top-items")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.windowKind", v -> v.assertThat().isEqualTo("tumbling-1m"))
                .hasPathSatisfying("$.stores[*].storeId", v -> v.assertThat().asList().containsExactly("store-01", "store-02"))
                .hasPathSatisfying("$.stores[0].items[*].sku", v -> v.assertThat().asList()
                        .containsExactly("sku-milk", "sku-butter", "sku-bread"))
                .hasPathSatisfying("$.stores[0].items[*].units", v -> v.assertThat().asList().containsExactly(2, 2, 2))
                .hasPathSatisfying("$.stores[0].items[*].revenue", v -> v.assertThat().asList()
                        .containsExactly(5.0, 4.75, 4.0))
                .hasPathSatisfying("$.stores[0].items[1].productName", v -> v.assertThat().isEqualTo("Butter"))
                .hasPathSatisfying("$.stores[1].items[*].units", v -> v.assertThat().asList().containsExactly(5));

        assertThat(mvc.get().uri("/api/top-items?limit=2&storeId=store-01")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.stores[*].storeId", v -> v.assertThat().asList().containsExactly("store-01"))
                .hasPathSatisfying("$.stores[0].items[*].sku", v -> v.assertThat().asList()
                        .containsExactly("sku-milk", "sku-butter"));
        assertThat(mvc.get().uri("/api/top-items?department=Bakery")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.stores[*].storeId", v -> v.assertThat().asList().containsExactly("store-01"))
                .hasPathSatisfying("$.stores[0].items[*].sku", v -> v.assertThat().asList().containsExactly("sku-bread"));
        assertThat(mvc.get().uri("/api/top-items?windowKind=hopping-1h-5m")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.stores[0].items[*].units", v -> v.assertThat().asList().containsExactly(40));
        assertThat(mvc.get().uri("/api/top-items?range=PT3H&until=2026-03-02T11:00:00Z")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.stores[0].items[0].productName", v -> v.assertThat().isEqualTo("Cheese \"aged\""));
    }

    @ParameterizedTest
    @CsvSource({"limit=0, limit", "limit=21, limit", "range=P30D, range", "windowKind=DROP%20TABLE, windowKind"})
    void aBadTopItemsParameterIsAProblemNamingIt(String query, String parameter) {
        assertThat(mvc.get().uri("/api/top-items?" + query)).hasStatus(400)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).bodyJson()
                .hasPathSatisfying("$.errors[0].field", v -> v.assertThat().isEqualTo(parameter));
    }

    @Test
    void funnelsAreListedByPurchasesThenEmailsOpenedWithTheirConversionRate() {
        assertThat(mvc.get().uri("/api/campaign-funnels")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$[*].campaignId", v -> v.assertThat().asList()
                        .containsExactly("spring-sale", "loyalty-boost", "coupon-week"))
                .hasPathSatisfying("$[0].emailsOpened", v -> v.assertThat().isEqualTo(10))
                .hasPathSatisfying("$[0].linksClicked", v -> v.assertThat().isEqualTo(6))
                .hasPathSatisfying("$[0].couponsActivated", v -> v.assertThat().isEqualTo(4))
                .hasPathSatisfying("$[0].couponsPrinted", v -> v.assertThat().isEqualTo(3))
                .hasPathSatisfying("$[0].purchases", v -> v.assertThat().isEqualTo(2))
                .hasPathSatisfying("$[0].lastEventAt", v -> v.assertThat().isEqualTo(W2.toString()))
                .hasPathSatisfying("$[*].conversionRate", v -> v.assertThat().asList().containsExactly(0.2, 0.25, null));

        assertThat(mvc.get().uri("/api/campaign-funnels?limit=1")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$[*].campaignId", v -> v.assertThat().asList().containsExactly("spring-sale"));
        assertThat(mvc.get().uri("/api/campaign-funnels?limit=51")).hasStatus(400).bodyJson()
                .hasPathSatisfying("$.errors[0].field", v -> v.assertThat().isEqualTo("limit"));
    }

    @Test
    void theSelectorsOfferWhatTheTableHolds() {
        assertThat(mvc.get().uri("/api/trends/dimensions")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.windowKinds", v -> v.assertThat().asList().containsExactly("hopping-1h-5m", "tumbling-1m"))
                .hasPathSatisfying("$.stores", v -> v.assertThat().asList().containsExactly("store-01", "store-02"))
                .hasPathSatisfying("$.departments", v -> v.assertThat().asList().containsExactly("Bakery", "Dairy"));
    }

    @Test
    void thePageItsScriptAndChartJsAreServedByTheApplication() {
        assertThat(mvc.get().uri("/")).hasStatusOk().hasForwardedUrl("index.html");
        assertThat(mvc.get().uri("/index.html")).hasStatusOk().bodyText()
                .contains("/webjars/chart.js/dist/chart.umd.min.js", "revenue-chart", "units-chart", "conversions-chart");
        assertThat(mvc.get().uri("/dashboard.js")).hasStatusOk().bodyText().contains("/api/trends");
        assertThat(mvc.get().uri("/webjars/chart.js/dist/chart.umd.min.js")).hasStatusOk().bodyText().contains("Chart");
        assertThat(mvc.get().uri("/api/page-settings")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.defaultRange", v -> v.assertThat().isEqualTo("PT1H"))
                .hasPathSatisfying("$.refreshSeconds", v -> v.assertThat().isEqualTo(5));
    }

    @Test
    void healthAndTheOpenApiDescriptionAreUp() {
        assertThat(mvc.get().uri("/actuator/health")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.status", v -> v.assertThat().isEqualTo("UP"));
        assertThat(mvc.get().uri("/v3/api-docs")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.paths", v -> v.assertThat().asMap()
                        .containsKeys("/api/trends", "/api/trends/dimensions", "/api/campaign-conversions"));
    }
}

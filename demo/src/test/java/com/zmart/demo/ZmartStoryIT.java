package com.zmart.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zmart.contracts.carddata.CardDataScan;
import com.zmart.contracts.serde.TopicSerdes;
import com.zmart.contracts.topic.TopicSpec;
import com.zmart.contracts.topic.Topics;
import com.zmart.demo.services.SuiteService;
import com.zmart.events.CampaignAttribution;
import com.zmart.events.ReorderRequest;
import com.zmart.events.Sale;
import com.zmart.links.EmailLinkTokens;
import com.zmart.platform.postgres.PostgresServer;
import com.zmart.platform.testing.TestKafka;
import com.zmart.sales.simulator.CardNumbers;
import com.zmart.sales.simulator.PosDatabase;
import com.zmart.sales.simulator.Register;
import com.zmart.sales.simulator.SimulatorOptions;
import com.zmart.sales.simulator.StoreCatalog;
import com.zmart.sales.simulator.StoreCatalog.Customer;
import com.zmart.sales.simulator.StoreCatalog.Product;
import com.zmart.sales.simulator.StoreCatalog.Store;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The seed's whole story on real components, every service from its own jar: a loyalty member clicks a campaign
 * email, activates and prints the coupon, then buys at a register with a card, the member card and the 15% coupon.
 * The sale goes through CDC and the masking transform into Kafka, and from there to rewards (points, a coupon
 * email), sales trends (the dashboard database and page), attribution (the click credited) and inventory (a reorder).
 * No card number is left unmasked on any topic or in any service log.
 *
 * <p>It runs on the demo {@link DemoRunIT} then checks and stops (one start of the platform and the services for
 * both), after the simulators' story that test counts, with a member, a campaign and a stock of its own, so that
 * neither test's figures include the other's.
 */
@ExtendWith(DemoCommandLine.class)
@Order(1) // before DemoRunIT, which stops the demo both use
class ZmartStoryIT {

    private static final Duration WAIT = Duration.ofMinutes(3);
    /** Not one of the campaign simulator's: the funnel below is this test's clicks alone. */
    private static final String CAMPAIGN = "zmart-story";
    /** The story's member, beyond the simulators' customers (the catalog's first 1,000). */
    private static final int STORY_CUSTOMER = 900_001;
    /** Delivered to the story's item first: the purchase then takes far more units than the simulators sell of it. */
    private static final int STORY_DELIVERY = 100;
    private static final String LINK_SECRET = "local-development-only-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static DemoCommandLine.Running zmart;
    private static DataSource pos;

    @BeforeAll
    static void onTheRunningDemo(DemoCommandLine.Running demo) {
        zmart = demo;
        // The simulators' story first: DemoRunIT counts its parts on the progress line, without this test's.
        demo.awaitEveryPartOfTheStory();
        pos = PosDatabase.dataSource(demo.jdbcUrl("pos"), PostgresServer.USER, "");
    }

    @Test
    void aMembersCampaignClicksAndPurchaseGoThroughTheWholeSuite() throws Exception {
        // The simulators' catalog (the demo's seed), and a member of this test's own in the point-of-sale database.
        SimulatorOptions simulators = SimulatorOptions.defaults();
        StoreCatalog catalog = new StoreCatalog(simulators.stores(), simulators.products(), simulators.customers(),
                simulators.memberShare(), simulators.seed());
        Customer member = new Customer(StoreCatalog.customerId(STORY_CUSTOMER), "Story",
                Optional.of("member-%06d".formatted(STORY_CUSTOMER)), "story-member@zmart.example",
                CardNumbers.next(new SplittableRandom(STORY_CUSTOMER)), Instant.parse("2024-01-01T00:00:00Z"));
        String memberId = member.memberId().orElseThrow();
        enrol(member);
        awaitRecords(Topics.LOYALTY_MEMBERS, m -> m.getMemberId().equals(memberId), 1);
        Store store = catalog.stores().get(3);
        Product bigItem = catalog.products().get(7);
        List<Product> others = List.of(catalog.products().get(11), catalog.products().get(12));

        // 1. The campaign email opened, its link, then the coupon page's buttons.
        DemoCommandLine.Endpoint clickstream = zmart.service(SuiteService.CLICKSTREAM);
        assertThat(postClick(clickstream, member, "OPENED_EMAIL").statusCode()).isEqualTo(202);
        String token = new EmailLinkTokens(LINK_SECRET).tokenFor(CAMPAIGN, member.id());
        HttpResponse<String> redirect = send(HttpRequest.newBuilder(URI.create(clickstream.url(
                "/c/" + CAMPAIGN + "/" + token + "?to=https://coupons.zmart.example/" + CAMPAIGN))).build());
        assertThat(redirect.statusCode()).isEqualTo(302);
        Instant clicked = Instant.now();
        for (String action : List.of("ACTIVATED_COUPON", "PRINTED_COUPON")) {
            HttpResponse<String> click = postClick(clickstream, member, action);
            assertThat(click.statusCode()).as(click.body()).isEqualTo(202);
        }

        // 2. Enough of one item to take its stock below the reorder point, two more items; coupon on every line.
        // The simulators sell this item too: a delivery first, and the purchase below is the one that takes the
        // stock under its reorder point, with more units than the simulators sell of a department in a minute.
        Instant delivered = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        deliver(store, bigItem, STORY_DELIVERY, "story-" + Long.toString(delivered.toEpochMilli(), 36));
        JsonNode stock = getJson(zmart.service(SuiteService.INVENTORY), "/api/stock/" + store.id() + "/" + bigItem.sku());
        int bigQuantity = stock.get("onHand").asInt() - stock.get("reorderPoint").asInt() + 1;
        String transactionId = "tx-story-" + Long.toString(System.currentTimeMillis(), 36);
        // The attribution joins purchases after the click.
        Thread.sleep(Math.max(0, 1_000 - Duration.between(clicked, Instant.now()).toMillis()));
        try (Connection connection = pos.getConnection(); Register register = new Register(connection)) {
            register.ring(new Register.Receipt(transactionId, store, member,
                    List.of(new Register.Item(bigItem, bigQuantity), new Register.Item(others.get(0), 1),
                            new Register.Item(others.get(1), 2)),
                    List.of(true, true, true), Instant.now()));
        }

        // 3a. The sale on zmart.sales: three lines, card masked to its last four digits, the coupon applied.
        List<Sale> lines = awaitRecords(Topics.SALES, s -> s.getTransactionId().equals(transactionId), 3);
        String lastFour = member.cardNumber().substring(member.cardNumber().length() - 4);
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.getMaskedCardNumber()).endsWith(lastFour).doesNotContain(member.cardNumber().substring(0, 12));
            assertThat(line.getCouponCode()).isEqualTo(StoreCatalog.COUPON_CODE);
            assertThat(line.getLoyaltyMemberId()).isEqualTo(memberId);
        });
        BigDecimal bigLineRevenue = bigItem.unitPrice().multiply(BigDecimal.valueOf(bigQuantity))
                .subtract(lines.stream().filter(l -> l.getLineNumber() == 1).findFirst().orElseThrow().getDiscount());

        // 3b. Points through the rewards API; past the first threshold, a coupon.
        DemoCommandLine.Endpoint rewards = zmart.service(SuiteService.REWARDS);
        JsonNode memberRewards = await().atMost(WAIT).until(() -> getJsonOrNull(rewards, "/api/rewards/" + memberId),
                r -> r != null && r.get("saleLines").asLong() == 3);
        assertThat(memberRewards.get("totalPoints").asLong()).isGreaterThanOrEqualTo(100);
        String coupon = memberRewards.get("coupons").get(0).get("couponCode").asText();

        // 3c. The coupon email in the SMTP server (the demo's mailbox folder has each email it received).
        MimeMessage email = await().atMost(WAIT).until(() -> emailTo(member.email(), coupon), m -> m != null);
        assertThat(raw(email)).contains(coupon).doesNotContain(member.cardNumber());

        // 3d. The store's trend in the dashboard database, then on the dashboard page.
        long units = await().atMost(WAIT).until(() -> dashboardUnits(store.id(), bigItem.department()), u -> u >= bigQuantity);
        assertThat(units).isGreaterThanOrEqualTo(bigQuantity);
        assertDashboardPageShows(store.id(), bigItem.department(), bigQuantity);

        // 3e. The click credited with the purchase.
        CampaignAttribution attribution = awaitRecords(Topics.CAMPAIGN_ATTRIBUTIONS,
                a -> a.getTransactionId().equals(transactionId), 1).get(0);
        assertThat(attribution.getCampaignId()).isEqualTo(CAMPAIGN);
        assertThat(attribution.getCustomerId()).isEqualTo(member.id());
        assertThat(attribution.getRevenue()).isGreaterThanOrEqualTo(bigLineRevenue);
        // The campaign's funnel on the dashboard page: each click sent above once, and the purchase.
        assertDashboardFunnelShows(CAMPAIGN, List.of(CAMPAIGN, "1", "1", "1", "1", "1", "100.0%"));

        // 3f. The reorder for the item whose stock crossed its reorder point.
        ReorderRequest reorder = awaitRecords(Topics.REORDERS,
                r -> r.getStoreId().equals(store.id()) && r.getSku().equals(bigItem.sku())
                        && !r.getRequestedAt().isBefore(delivered), 1).get(0);
        assertThat(reorder.getCurrentLevel()).isLessThan(stock.get("reorderPoint").asInt());

        // 3g. No card number anywhere: every topic of the suite (dead-letter topics included) and every service log.
        List<String> cards = Stream.concat(catalog.customers().stream(), Stream.of(member)).map(Customer::cardNumber).toList();
        for (TopicSpec<?, ?> topic : Topics.ALL) {
            for (ConsumerRecord<byte[], byte[]> record : readAll(topic)) {
                for (byte[] bytes : new byte[][] {record.key(), record.value()}) {
                    if (bytes != null) {
                        assertThat(CardDataScan.luhnValidRuns(bytes)).as("card data on %s", topic.name()).isEmpty();
                    }
                }
            }
        }
        try (Stream<Path> logs = Files.list(zmart.logs())) {
            for (Path log : logs.toList()) {
                assertThat(CardDataScan.knownNumbers(Files.readString(log), cards)).as("card numbers in %s", log).isEmpty();
            }
        }
    }

    // --- the story's own member and stock ---

    /** The member in the point-of-sale database, as the register simulator enrols its own (the connector streams it). */
    private static void enrol(Customer member) throws Exception {
        try (Connection connection = pos.getConnection();
             PreparedStatement customer = connection.prepareStatement("INSERT INTO customers VALUES (?, ?, NULL)");
             PreparedStatement loyalty = connection.prepareStatement("INSERT INTO loyalty_members VALUES (?, ?, ?, ?, ?)")) {
            customer.setString(1, member.id());
            customer.setString(2, member.firstName());
            customer.executeUpdate();
            loyalty.setString(1, member.memberId().orElseThrow());
            loyalty.setString(2, member.id());
            loyalty.setString(3, member.email());
            loyalty.setString(4, member.firstName());
            loyalty.setObject(5, LocalDateTime.ofInstant(member.joinedAt(), ZoneOffset.UTC));
            loyalty.executeUpdate();
        }
    }

    /** Goods received for the item, through inventory's API (as the supplier simulator posts them). */
    private static void deliver(Store store, Product product, int units, String restockId) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(zmart.service(SuiteService.INVENTORY)
                        .url("/api/restocks"))).header("Content-Type", "application/json")
                .header("X-API-Key", SuiteService.LOCAL_API_KEY).POST(HttpRequest.BodyPublishers.ofString("""
                        {"restockId":"%s","storeId":"%s","sku":"%s","quantity":%d}""".formatted(restockId, store.id(),
                        product.sku(), units))).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    // --- Kafka ---

    private static <T> List<T> awaitRecords(TopicSpec<String, T> topic, java.util.function.Predicate<T> wanted, int count) {
        List<T> found = new ArrayList<>();
        try (var deserializer = TopicSerdes.registry(zmart.registryApiUrl()).valueDeserializer(topic)) {
            await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
                found.clear();
                for (ConsumerRecord<byte[], byte[]> record : readAll(topic)) {
                    T value = deserializer.deserialize(topic.name(), record.value());
                    if (value != null && wanted.test(value)) {
                        found.add(value);
                    }
                }
                return found.size() >= count;
            });
        }
        return List.copyOf(found);
    }

    /** Every committed record of the topic, from the beginning to its current end. */
    private static List<ConsumerRecord<byte[], byte[]>> readAll(TopicSpec<?, ?> topic) {
        return TestKafka.readCommitted(zmart.bootstrapServers(), topic.name());
    }

    // --- services ---

    private static HttpResponse<String> postClick(DemoCommandLine.Endpoint clickstream, Customer member, String action)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(clickstream.url("/api/clicks")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"campaignId":"%s","customerId":"%s","sessionId":"story","action":"%s",
                         "url":"https://coupons.zmart.example/%s"}""".formatted(CAMPAIGN, member.id(), action, CAMPAIGN)))
                .build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode getJson(DemoCommandLine.Endpoint service, String path) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(service.url(path))).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** With the local API key: customer data (rewards) needs it. */
    private static JsonNode getJsonOrNull(DemoCommandLine.Endpoint service, String path) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(service.url(path)))
                .header("X-API-Key", SuiteService.LOCAL_API_KEY).build());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    /** The email with this coupon to this address, from the demo's mailbox folder (each email the SMTP server got). */
    private static MimeMessage emailTo(String address, String coupon) throws Exception {
        try (Stream<Path> files = Files.list(zmart.mailbox())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                MimeMessage message;
                try (var in = Files.newInputStream(file)) {
                    message = new MimeMessage(null, in);
                }
                String[] coupons = message.getHeader("X-ZMart-Coupon");
                if (message.getAllRecipients()[0].toString().equals(address) && coupons != null
                        && List.of(coupons).contains(coupon)) {
                    return message;
                }
            }
        }
        return null;
    }

    private static String raw(MimeMessage message) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static long dashboardUnits(String storeId, String department) throws Exception {
        try (Connection connection = java.sql.DriverManager.getConnection(zmart.jdbcUrl("dashboard"), PostgresServer.USER, "");
             PreparedStatement query = connection.prepareStatement(
                     "SELECT coalesce(max(units), 0) FROM sales_trends WHERE store_id = ? AND department = ? AND window_kind = 'tumbling-1m'")) {
            query.setString(1, storeId);
            query.setString(2, department);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static ChromeDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1400", "--lang=en-US");
        return new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build(), options);
    }

    /** The dashboard page's funnel table shows exactly this row for the campaign (its cells as displayed). */
    private static void assertDashboardFunnelShows(String campaign, List<String> cells) {
        ChromeDriver browser = browser();
        try {
            browser.get(zmart.service(SuiteService.DASHBOARD).url("/"));
            // Once the purchase is counted (the last step to arrive), the whole row is compared.
            List<String> row = await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> browser
                    .findElements(By.cssSelector("#funnels tr[data-campaign='" + campaign + "'] td")).stream()
                    .map(org.openqa.selenium.WebElement::getText).toList(), r -> r.size() == 7 && !r.get(5).equals("0"));
            assertThat(row).containsExactlyElementsOf(cells);
        } finally {
            browser.quit();
        }
    }

    /** The dashboard page, in headless Chromium, draws the store's department with at least those units. */
    @SuppressWarnings("unchecked")
    private static void assertDashboardPageShows(String storeId, String department, long units) throws Exception {
        ChromeDriver browser = browser();
        try {
            browser.get(zmart.service(SuiteService.DASHBOARD).url("/"));
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
                Object datasets = ((JavascriptExecutor) browser).executeScript("""
                        const chart = window.Chart && Chart.getChart('units-chart');
                        return chart ? chart.data.datasets.map(d => [d.label, d.data]) : [];""");
                for (Object dataset : (List<Object>) datasets) {
                    List<Object> pair = (List<Object>) dataset;
                    String label = (String) pair.get(0);
                    if (label.contains(storeId) && label.contains(department)
                            && ((List<Object>) pair.get(1)).stream().anyMatch(v -> ((Number) v).longValue() >= units)) {
                        return true;
                    }
                }
                return false;
            });
            assertThat(browser.findElement(By.id("units-chart")).isDisplayed()).isTrue();
            Path shots = Files.createDirectories(Path.of("target", "screenshots"));
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                    shots.resolve("zmart-story-dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            browser.quit();
        }
    }
}

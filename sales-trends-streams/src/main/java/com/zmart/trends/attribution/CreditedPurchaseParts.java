package com.zmart.trends.attribution;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.zmart.events.CampaignAttribution;
import com.zmart.streams.dedup.FirstSeenFilter;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Credits each part of a purchase to a campaign once, and counts the purchase once. A receipt is usually the whole
 * purchase; when some of its lines arrived after it was taken as complete, they come as a second part
 * ({@link ReceiptAssembler}), with the same transaction and its own smallest line number. The first part credited to
 * a campaign is a new purchase; a later part adds its revenue ({@code newPurchase=false}); a part seen before (the join
 * pairs a receipt with every click of the campaign, and replays repeat receipts) is dropped.
 *
 * <p>The parts credited per transaction are kept in a window store at the purchase time for {@code retention}, as
 * {@code <campaign>#<first line>}; a bare {@code <campaign>} (written before parts existed) stands for its part 1.
 */
final class CreditedPurchaseParts implements FixedKeyProcessor<String, ReceiptClick, CampaignAttribution> {

    private static final Logger log = LoggerFactory.getLogger(CreditedPurchaseParts.class);

    private final String storeName;
    private final long retentionMs;
    private FixedKeyProcessorContext<String, CampaignAttribution> context;
    private WindowStore<String, List<String>> credited;

    private CreditedPurchaseParts(String storeName, Duration retention) {
        this.storeName = storeName;
        this.retentionMs = retention.toMillis();
    }

    /** A supplier that brings its own persistent, cached window store named {@code storeName}. */
    static FixedKeyProcessorSupplier<String, ReceiptClick, CampaignAttribution> supplier(String storeName,
                                                                                         Duration retention) {
        // Remembered as the line dedup remembers lines: same store shape, same changelog format.
        StoreBuilder<WindowStore<String, List<String>>> store = FirstSeenFilter.seenStore(storeName, retention);
        return new FixedKeyProcessorSupplier<>() {
            @Override
            public FixedKeyProcessor<String, ReceiptClick, CampaignAttribution> get() {
                return new CreditedPurchaseParts(storeName, retention);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(store);
            }
        };
    }

    @Override
    public void init(FixedKeyProcessorContext<String, CampaignAttribution> context) {
        this.context = context;
        this.credited = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, ReceiptClick> record) {
        String transaction = record.value().receipt().getTransactionId();
        String campaign = record.value().click().getCampaignId();
        int firstLine = record.value().receipt().getFirstLine();
        long purchasedAt = record.timestamp();
        if (purchasedAt <= context.currentStreamTimeMs() - retentionMs) {
            log.warn("{}: purchase {} is older than the retention ({} ms behind stream time); not credited to {}",
                    storeName, transaction, context.currentStreamTimeMs() - purchasedAt, campaign);
            return;
        }
        List<String> parts = credited.fetch(transaction, purchasedAt);
        if (parts == null) {
            parts = new ArrayList<>(2);
        }
        String part = campaign + "#" + firstLine;
        if (parts.contains(part) || (firstLine == 1 && parts.contains(campaign))) {
            return;
        }
        boolean newPurchase = parts.stream().noneMatch(p -> p.equals(campaign) || p.startsWith(campaign + "#"));
        parts.add(part);
        credited.put(transaction, parts, purchasedAt);
        context.forward(record.withValue(Attributions.of(record.value().receipt(), record.value().click(),
                newPurchase)));
    }
}

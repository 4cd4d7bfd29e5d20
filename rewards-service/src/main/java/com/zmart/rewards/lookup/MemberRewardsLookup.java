package com.zmart.rewards.lookup;

import java.util.List;

import com.zmart.rewards.config.RewardsProperties;
import com.zmart.rewards.coupons.CouponCodes;
import com.zmart.rewards.state.MemberRewards;
import com.zmart.rewards.topology.RewardsTopology;
import com.zmart.streams.interactivequeries.InteractiveQueries;
import com.zmart.streams.interactivequeries.InteractiveQueries.KeyQuery;
import com.zmart.streams.interactivequeries.KeyNotFoundException;
import com.zmart.streams.interactivequeries.StoreAccess;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.stereotype.Service;

/** Reads a member's rewards from the {@code member-rewards} store, wherever in the cluster the member lives. */
@Service
public class MemberRewardsLookup {

    private final InteractiveQueries queries;
    private final List<Long> thresholds;
    private final int discountPercent;

    public MemberRewardsLookup(InteractiveQueries queries, RewardsProperties properties) {
        this.queries = queries;
        this.thresholds = properties.thresholds();
        this.discountPercent = properties.couponDiscountPercent();
    }

    /**
     * @param path      this request's path, forwarded as is when another instance owns the member
     * @param forwarded whether another instance forwarded this request
     */
    public MemberRewardsView rewards(String memberId, String path, boolean forwarded) {
        return queries.query(new KeyQuery<>(RewardsTopology.MEMBER_REWARDS_STORE, memberId, Serdes.String().serializer(),
                store -> view(memberId, store), path, MemberRewardsView.class,
                "No rewards for member " + memberId + " (no purchase counted yet)"), forwarded);
    }

    private MemberRewardsView view(String memberId, StoreAccess access) {
        ReadOnlyKeyValueStore<String, MemberRewards> store = access.store(QueryableStoreTypes.keyValueStore());
        MemberRewards rewards = store.get(memberId);
        if (rewards == null) {
            throw new KeyNotFoundException("No rewards for member " + memberId + " (no purchase counted yet)");
        }
        Long next = thresholds.stream().filter(t -> t > rewards.getTotalPoints()).findFirst().orElse(null);
        List<CouponView> coupons = rewards.getThresholdsReached().stream()
                .map(threshold -> new CouponView(threshold, CouponCodes.codeFor(memberId, threshold), discountPercent))
                .toList();
        return new MemberRewardsView(memberId, rewards.getTotalPoints(), rewards.getTier(), rewards.getSaleLines(),
                rewards.getUpdatedAt(), next, next == null ? null : next - rewards.getTotalPoints(), coupons,
                access.stale());
    }
}

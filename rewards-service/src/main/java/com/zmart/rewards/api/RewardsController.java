package com.zmart.rewards.api;

import java.util.List;

import com.zmart.rewards.lookup.CouponView;
import com.zmart.rewards.lookup.MemberRewardsLookup;
import com.zmart.rewards.lookup.MemberRewardsView;
import com.zmart.streams.interactivequeries.InteractiveQueries;
import com.zmart.web.problems.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lookups of a member's points, tier and coupons, answered from the Streams state of whichever instance owns it. */
@RestController
@RequestMapping(path = "/api/rewards", produces = "application/json")
public class RewardsController {

    private final MemberRewardsLookup lookup;

    public RewardsController(MemberRewardsLookup lookup) {
        this.lookup = lookup;
    }

    @Operation(summary = "A member's points, tier, next threshold and coupons")
    @ApiResponse(responseCode = "200", description = "The member's rewards")
    @ApiResponse(responseCode = "400", description = "Malformed member id (problem+json)")
    @ApiResponse(responseCode = "404", description = "No purchase of this member counted yet (problem+json)")
    @ApiResponse(responseCode = "503", description = "State moving between instances; retry after Retry-After seconds")
    @GetMapping("/{memberId}")
    public MemberRewardsView rewards(@Parameter(example = "member-000042") @PathVariable String memberId,
                                     HttpServletRequest request,
                                     @RequestHeader(name = InteractiveQueries.FORWARDED_HEADER, required = false)
                                     boolean forwarded) {
        return lookup.rewards(valid(memberId), request.getRequestURI(), forwarded);
    }

    @Operation(summary = "The coupons a member earned, one per threshold crossed")
    @GetMapping("/{memberId}/coupons")
    public List<CouponView> coupons(@PathVariable String memberId, HttpServletRequest request,
                                    @RequestHeader(name = InteractiveQueries.FORWARDED_HEADER, required = false)
                                    boolean forwarded) {
        // Same lookup (and the same forwarding) as the member's rewards, through the member's resource.
        String memberPath = request.getRequestURI().substring(0, request.getRequestURI().length() - "/coupons".length());
        return lookup.rewards(valid(memberId), memberPath, forwarded).coupons();
    }

    /** Member ids as the point-of-sale system issues them; anything else is a client error, not a miss. */
    private static String valid(String memberId) {
        return Ids.require("memberId", memberId);
    }
}

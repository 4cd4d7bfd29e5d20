package com.zmart.rewards.api;

import java.util.List;
import java.util.regex.Pattern;

import com.zmart.rewards.lookup.CouponView;
import com.zmart.rewards.lookup.MemberRewardsLookup;
import com.zmart.rewards.lookup.MemberRewardsView;
import com.zmart.streams.interactivequeries.InteractiveQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lookups of a member's points, tier and coupons, answered from the Streams state of whichever instance owns it. */
@RestController
@RequestMapping(path = "/api/rewards", produces = "application/json")
public class RewardsController {

    /** Member ids as the point-of-sale system issues them; anything else is a client error, not a miss. */
    static final Pattern MEMBER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

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

    private static String valid(String memberId) {
        if (!MEMBER_ID.matcher(memberId).matches()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "memberId must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
            problem.setTitle("Malformed member id");
            problem.setProperty("field", "memberId");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        return memberId;
    }
}

package com.zmart.inventory.api;

import java.util.List;
import java.util.Optional;

import com.zmart.inventory.reorder.ReorderRepository;
import com.zmart.inventory.sale.UnknownItemReport;
import com.zmart.inventory.sale.UnknownSaleLines;
import com.zmart.inventory.stock.ItemNotFoundException;
import com.zmart.inventory.stock.ReorderPolicyService;
import com.zmart.inventory.stock.StockLevel;
import com.zmart.inventory.stock.StockRepository;
import com.zmart.web.problems.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Stock per store and item, items to reorder, reorder policies, and sales of unknown items. */
@RestController
@RequestMapping("/api/stock")
class StockController {

    private final StockRepository stock;
    private final ReorderRepository reorders;
    private final ReorderPolicyService policies;
    private final UnknownSaleLines unknown;

    StockController(StockRepository stock, ReorderRepository reorders, ReorderPolicyService policies,
                    UnknownSaleLines unknown) {
        this.stock = stock;
        this.reorders = reorders;
        this.policies = policies;
        this.unknown = unknown;
    }

    @GetMapping("/{storeId}/{sku}")
    @Operation(summary = "Stock of one item in one store, with its open reorder")
    @ApiResponse(responseCode = "200", description = "The item's stock")
    @ApiResponse(responseCode = "404", description = "No stock is kept for this store and sku")
    // Store ids and skus as the point of sale writes them; anything else (a NUL byte, say) is a client error.
    StockView item(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.RULE) String storeId,
                   @PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.RULE) String sku) {
        return view(stock.find(storeId, sku).orElseThrow(() -> new ItemNotFoundException(storeId, sku)));
    }

    @GetMapping("/below-reorder-point")
    @Operation(summary = "Items below their reorder point, furthest below first")
    List<StockView> belowReorderPoint(@RequestParam Optional<@Pattern(regexp = Ids.PATTERN, message = Ids.RULE) String> storeId,
                                      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return stock.belowReorderPoint(storeId, limit).stream().map(this::view).toList();
    }

    @PutMapping("/{storeId}/{sku}/reorder-policy")
    @Operation(summary = "Change an item's reorder point and quantity",
            description = "A reorder point raised above the stock requests a reorder at once, unless one is open.")
    @ApiResponse(responseCode = "200", description = "The item with its new policy")
    @ApiResponse(responseCode = "400", description = "Negative, zero (quantity) or absurd values; the problem names the field")
    @ApiResponse(responseCode = "404", description = "No stock is kept for this store and sku")
    StockView changePolicy(@PathVariable String storeId, @PathVariable String sku,
                           @Valid @RequestBody ReorderPolicyRequest policy) {
        return view(policies.change(storeId, sku, policy.reorderPoint(), policy.reorderQuantity()));
    }

    @GetMapping("/unknown-items")
    @Operation(summary = "Items sold but not kept in stock (recorded from the sales, never dropped)")
    List<UnknownItemReport> unknownItems(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return unknown.report(limit);
    }

    private StockView view(StockLevel level) {
        return StockView.of(level, reorders.findOpen(level.storeId(), level.sku()).orElse(null));
    }
}

package com.zmart.inventory.api;

import com.zmart.inventory.stock.StockLimits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** New reorder policy of an item. */
record ReorderPolicyRequest(
        @Schema(description = "A reorder is requested when stock falls below this", example = "20")
        @NotNull @Min(0) @Max(StockLimits.MAX_UNITS) Integer reorderPoint,
        @Schema(description = "Units ordered by one reorder", example = "100")
        @NotNull @Min(1) @Max(StockLimits.MAX_UNITS) Integer reorderQuantity) {
}

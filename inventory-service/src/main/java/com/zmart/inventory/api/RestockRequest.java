package com.zmart.inventory.api;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.zmart.inventory.restock.RestockCommand;
import com.zmart.inventory.stock.StockLimits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Goods received, as posted to the API. */
record RestockRequest(
        @Schema(description = "Id of the delivery; a repeated POST with the same id changes nothing. Generated when absent.")
        @Size(min = 1, max = 100) String restockId,
        @NotBlank @Size(max = 100) String storeId,
        @NotBlank @Size(max = 100) String sku,
        @Schema(example = "100") @NotNull @Min(1) @Max(StockLimits.MAX_UNITS) Integer quantity,
        @Schema(description = "Reorder this delivery fulfils; when absent, the item's open reorder is closed")
        UUID reorderId,
        @Schema(description = "When the goods arrived; now when absent") Instant receivedAt) {

    RestockCommand toCommand(Instant now) {
        return new RestockCommand(restockId == null ? UUID.randomUUID().toString() : restockId, storeId, sku, quantity,
                Optional.ofNullable(reorderId), receivedAt == null ? now : receivedAt);
    }
}

package com.zmart.inventory.api;

import java.time.Clock;

import com.zmart.inventory.reorder.ReorderRepository;
import com.zmart.inventory.restock.RestockResult;
import com.zmart.inventory.restock.RestockService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Deliveries posted by a store: they raise the stock and close the open reorder. */
@RestController
class RestockController {

    private final RestockService restocks;
    private final ReorderRepository reorders;
    private final Clock clock;

    RestockController(RestockService restocks, ReorderRepository reorders, Clock clock) {
        this.restocks = restocks;
        this.reorders = reorders;
        this.clock = clock;
    }

    /**
     * @param applied false when this restock id had been applied before, and nothing changed now
     */
    record RestockResponse(String restockId, boolean applied, UUID closedReorderId, UUID openedReorderId,
                           StockView stock) {
    }

    @PostMapping("/api/restocks")
    @Operation(summary = "Record goods received: raises the stock and closes the item's open reorder")
    @ApiResponse(responseCode = "200", description = "Applied (or applied before, with the same restock id)")
    @ApiResponse(responseCode = "400", description = "Invalid delivery; the problem names the field")
    @ApiResponse(responseCode = "404", description = "No stock is kept for this store and sku")
    RestockResponse restock(@Valid @RequestBody RestockRequest request) {
        RestockResult result = restocks.apply(request.toCommand(clock.instant()));
        var level = result.level();
        return new RestockResponse(result.restockId(), result.applied(), result.closedReorderId(),
                result.openedReorderId(), StockView.of(level, reorders.findOpen(level.storeId(), level.sku()).orElse(null)));
    }
}

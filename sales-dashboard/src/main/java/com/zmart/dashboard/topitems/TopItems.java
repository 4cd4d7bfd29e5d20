package com.zmart.dashboard.topitems;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** What customers in each store bought most over the range of one trend view: what the page's tables show. */
public record TopItems(String windowKind, Instant from, Instant until,
                       @Schema(description = "Stores in order of their id") List<StoreTopItems> stores) {
}

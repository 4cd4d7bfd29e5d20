package com.zmart.dashboard.page;

import com.zmart.dashboard.config.DashboardProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Settings of the page (static/index.html), so that they are configured in one place. */
@RestController
@Tag(name = "page")
class PageSettingsController {

    private final DashboardProperties properties;

    PageSettingsController(DashboardProperties properties) {
        this.properties = properties;
    }

    @GetMapping(path = "/api/page-settings", produces = "application/json")
    @Operation(summary = "Refresh interval and default view of the dashboard page")
    PageSettings settings() {
        return new PageSettings(Math.max(1, properties.refreshInterval().toSeconds()), properties.defaultWindowKind(),
                properties.defaultRange().toString());
    }
}

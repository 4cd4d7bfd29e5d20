package com.zmart.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import com.zmart.demo.services.SuiteService;
import com.zmart.platform.PlatformOptions;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {

    @Test
    void theDemoGivesRewardsTheFullCompilerForItsLookupsAndEveryOtherServiceTheQuickStartingOptions() {
        DemoOptions demo = DemoOptions.defaults(Path.of("target", "demo-options"));

        assertThat(demo.javaOptionsOf(SuiteService.REWARDS)).isEqualTo(DemoOptions.LOOKUPS_JAVA_OPTIONS)
                .doesNotContain("TieredStopAtLevel");
        assertThat(SuiteService.ALL).filteredOn(service -> !service.equals(SuiteService.REWARDS))
                .allSatisfy(service -> assertThat(demo.javaOptionsOf(service))
                        .isEqualTo(DemoOptions.DEFAULT_JAVA_OPTIONS));
    }

    @Test
    void testsThatNameTheirJavaOptionsRunEveryServiceWithThem() {
        DemoOptions suite = new DemoOptions(PlatformOptions.forTests(Path.of("target", "demo-options")), 0, 0, 0,
                Duration.ZERO, "-Xmx256m");

        assertThat(SuiteService.ALL)
                .allSatisfy(service -> assertThat(suite.javaOptionsOf(service)).isEqualTo("-Xmx256m"));
    }
}

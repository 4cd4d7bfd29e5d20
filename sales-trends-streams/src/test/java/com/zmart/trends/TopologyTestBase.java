package com.zmart.trends;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh {@link TopologyDriver} per test, on its own state directory. */
public abstract class TopologyTestBase {

    @TempDir
    Path stateDir;

    protected TopologyDriver driver;

    @BeforeEach
    void startDriver() {
        driver = new TopologyDriver(stateDir);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }
}

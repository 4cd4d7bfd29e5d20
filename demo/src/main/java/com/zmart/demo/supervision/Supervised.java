package com.zmart.demo.supervision;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Something the demo started and keeps running: a service, a simulator.
 *
 * @param name    as the console names it
 * @param failure how it ended, once it ended without being asked to; empty while it runs, after a requested stop,
 *                and once it has {@code finished}
 * @param finished whether it ended because its work is done (a simulator past its duration): not started again
 * @param log     where its log is
 * @param restart starts it again and returns once it is ready; throws when it does not get ready
 */
public record Supervised(String name, Supplier<Optional<String>> failure, BooleanSupplier finished, Supplier<Path> log,
                         Runnable restart) {
}

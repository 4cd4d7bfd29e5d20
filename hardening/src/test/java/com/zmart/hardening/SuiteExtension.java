package com.zmart.hardening;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Gives test classes the shared {@link Suite} (started at the first use, closed when the JVM's tests end) and, after
 * every test class, scans what every topic of the catalog and every service log gained for card data (issue 10,
 * item 4). When a test fails, every JVM the suite started prints a thread dump into its log, so a stuck service shows
 * where.
 */
public final class SuiteExtension implements ParameterResolver, AfterAllCallback, TestWatcher {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SuiteExtension.class);

    static Suite suite(ExtensionContext context) {
        // The root store closes AutoCloseable values after the last test class of the JVM.
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Suite.class, key -> Suite.start(), Suite.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Suite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return suite(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).computeIfAbsent(CardDataCheck.class, key -> new CardDataCheck(),
                CardDataCheck.class).assertNoCardDataSinceLastCheck(suite(context),
                context.getRequiredTestClass().getSimpleName());
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        List<ProcessHandle> jvms = ProcessHandle.current().descendants()
                .filter(p -> p.info().command().filter(command -> command.endsWith("/java")).isPresent()).toList();
        for (ProcessHandle jvm : jvms) {
            try {
                // SIGQUIT: a JVM prints all its threads' stacks to its standard output, the log, and runs on.
                new ProcessBuilder("kill", "-QUIT", Long.toString(jvm.pid())).inheritIO().start().waitFor();
            } catch (IOException e) {
                System.out.printf("[hardening] no thread dump of pid %d: %s%n", jvm.pid(), e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        System.out.printf("[hardening] %s failed: thread dumps of %d child JVMs are in their logs%n",
                context.getDisplayName(), jvms.size());
    }
}

package com.zmart.hardening;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test classes the shared {@link Suite} (started at the first use, closed when the JVM's tests end) and, after
 * every test class, scans every topic of the catalog and every service log for card data (issue 10, item 4).
 */
public final class SuiteExtension implements ParameterResolver, AfterAllCallback {

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
        CardDataCheck.assertNoCardData(suite(context), context.getRequiredTestClass().getSimpleName());
    }
}

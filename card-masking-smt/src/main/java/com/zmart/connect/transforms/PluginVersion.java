package com.zmart.connect.transforms;

/** The version a transform reports to the worker: the plugin jar's {@code Implementation-Version}. */
final class PluginVersion {

    private PluginVersion() {
    }

    static String of(Class<?> transform) {
        String version = transform.getPackage().getImplementationVersion();
        return version != null ? version : "unknown"; // classes outside the jar, e.g. in tests
    }
}

package com.zmart.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What a Spring Boot service reads from its environment, from its {@code application.yml}: the properties it sets
 * (an environment variable overrides one through relaxed binding, {@code ZMART_REWARDS_MAIL_FROM} for
 * {@code zmart.rewards.mail.from}) and the {@code ${NAME:default}} placeholders in their values.
 *
 * @param properties   every property key of the file, flattened ({@code spring.kafka.bootstrap-servers})
 * @param placeholders every placeholder name, with its default (null when it has none)
 */
public record SpringProperties(Set<String> properties, Map<String, String> placeholders) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.-]*)(?::([^}]*))?}");

    public static SpringProperties read(Path applicationYml) {
        try {
            return parse(Files.readString(applicationYml));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + applicationYml, e);
        }
    }

    public static SpringProperties parse(String yaml) {
        Set<String> properties = new LinkedHashSet<>();
        Map<String, String> placeholders = new LinkedHashMap<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            flatten("", document, properties, placeholders);
        }
        return new SpringProperties(properties, placeholders);
    }

    private static void flatten(String prefix, Object node, Set<String> properties, Map<String, String> placeholders) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, properties, placeholders));
            return;
        }
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), properties, placeholders);
            }
        }
        if (!prefix.isEmpty()) {
            properties.add(prefix);
        }
        if (node instanceof String text) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                placeholders.put(m.group(1), m.group(2));
            }
        }
    }

    /** Whether the variable is one of the placeholders or binds, relaxed, onto a property of the file. */
    public boolean reads(String environmentVariable) {
        if (placeholders.containsKey(environmentVariable)) {
            return true;
        }
        String canonical = canonicalEnvironment(environmentVariable);
        return properties.stream().anyMatch(p -> canonicalProperty(p).equals(canonical));
    }

    /** {@code ZMART_SALES_TRENDS_STATE_DIR} to {@code zmart.sales.trends.state.dir}, then dashes dropped. */
    static String canonicalEnvironment(String variable) {
        return variable.toLowerCase(Locale.ROOT).replace('_', '.').replace("-", "");
    }

    /** {@code zmart.sales-trends.state-dir} to {@code zmart.salestrends.statedir}; list indexes as in env ({@code _0_}). */
    static String canonicalProperty(String property) {
        return property.toLowerCase(Locale.ROOT).replace("[", ".").replace("]", "").replace("-", "");
    }

    /**
     * Placeholders the environment must set in a container: those without a default, those whose default points at
     * this machine (127.0.0.1, localhost: inside a container that is the container itself), and secrets.
     */
    public Set<String> mustBeSetInAContainer() {
        Set<String> required = new LinkedHashSet<>();
        placeholders.forEach((name, defaultValue) -> {
            boolean loopback = defaultValue != null && (defaultValue.contains("127.0.0.1") || defaultValue.contains("localhost"));
            boolean secret = name.contains("SECRET");
            if (defaultValue == null || loopback || secret) {
                required.add(name);
            }
        });
        return required;
    }
}

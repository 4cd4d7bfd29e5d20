package com.zmart.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** A compose file as data: its services, their settings, and compose's variable interpolation. */
public final class ComposeFile {

    private static final Pattern VARIABLE =
            Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    private static final Pattern SERVICE_LINE = Pattern.compile("^  ([A-Za-z0-9._-]+):\\s*(?:#.*)?$");
    private static final Pattern HEALTHCHECK_LINE = Pattern.compile("^    healthcheck:.*$");

    private final String name;
    private final Map<String, Object> root;
    private final String text;

    private ComposeFile(String name, Map<String, Object> root, String text) {
        this.name = name;
        this.root = root;
        this.text = text;
    }

    public static ComposeFile parse(String name, String yaml) {
        Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(loaded instanceof Map<?, ?> map) || !(map.get("services") instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(name + ": not a compose file (no 'services' mapping)");
        }
        return new ComposeFile(name, cast(map), yaml);
    }

    public static ComposeFile read(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    public String name() {
        return name;
    }

    public Map<String, Map<String, Object>> services() {
        Map<String, Map<String, Object>> services = new LinkedHashMap<>();
        cast(root.get("services")).forEach((service, definition) ->
                services.put(service, definition == null ? Map.of() : cast(definition)));
        return services;
    }

    /**
     * The comment lines written directly above each service's {@code healthcheck:} key (YAML drops comments, so they
     * are read from the text: services at two spaces under {@code services:}, their keys at four).
     */
    public Map<String, List<String>> commentsAboveHealthChecks() {
        Map<String, List<String>> comments = new LinkedHashMap<>();
        String service = null;
        boolean inServices = false;
        List<String> above = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (!line.startsWith(" ") && !line.isBlank() && !line.startsWith("#")) {
                inServices = line.startsWith("services:");
                service = null;
            }
            Matcher serviceLine = SERVICE_LINE.matcher(line);
            if (inServices && serviceLine.matches()) {
                service = serviceLine.group(1);
            }
            if (service != null && HEALTHCHECK_LINE.matcher(line).matches()) {
                comments.put(service, List.copyOf(above));
            }
            String stripped = line.strip();
            if (stripped.startsWith("#")) {
                above.add(stripped.substring(1).strip());
            } else {
                above.clear();
            }
        }
        return comments;
    }

    /** Every string value in the file (services, volumes, anything), for rules on variables. */
    public List<String> allValues() {
        List<String> values = new ArrayList<>();
        collect(root, values);
        return values;
    }

    private static void collect(Object node, List<String> values) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, values));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collect(v, values));
        } else if (node != null) {
            values.add(String.valueOf(node));
        }
    }

    public Map<String, Object> volumes() {
        Object volumes = root.get("volumes");
        return volumes == null ? Map.of() : cast(volumes);
    }

    /** A service's environment as name to raw (uninterpolated) value; list and map forms both. */
    public static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object value = service.get("environment");
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                String entry = String.valueOf(item);
                int eq = entry.indexOf('=');
                env.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? null : entry.substring(eq + 1));
            }
        }
        return env;
    }

    public static List<Object> list(Map<String, Object> service, String key) {
        Object value = service.get(key);
        return value instanceof List<?> l ? new ArrayList<>(l) : value == null ? List.of() : List.of(value);
    }

    /** A service that only adds to one defined elsewhere (an override file's fragment). */
    public static boolean isFragment(Map<String, Object> service) {
        return !service.containsKey("image") && !service.containsKey("build");
    }

    /** A one-shot job (init step, load generator): it exits, so it has no health to check. */
    public static boolean isJob(Map<String, Object> service) {
        return "no".equals(String.valueOf(service.get("restart")));
    }

    /**
     * Compose's interpolation with the given variables: {@code ${X}}, {@code ${X:-default}}, {@code ${X-default}},
     * {@code ${X:?error}} (unset is an error), {@code $$} (a literal dollar).
     */
    public static String interpolate(String value, Map<String, String> variables) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group().equals("$$")) {
                replacement = "$";
            } else {
                String variable = m.group(1) != null ? m.group(1) : m.group(4);
                String set = variables.get(variable);
                String operator = m.group(2);
                if (operator == null) {
                    replacement = set == null ? "" : set;
                } else if (operator.endsWith("?")) {
                    if (set == null || (operator.equals(":?") && set.isEmpty())) {
                        throw new IllegalArgumentException("required variable " + variable + " is not set: " + m.group(3));
                    }
                    replacement = set;
                } else {
                    boolean useDefault = set == null || (operator.equals(":-") && set.isEmpty());
                    replacement = useDefault ? m.group(3) : set;
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Object map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        ((Map<Object, Object>) map).forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }
}

package com.zmart.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules every compose file of the repository follows; each check returns the problems it found, one readable line
 * each (empty: the file passes).
 */
public final class ComposeChecks {

    private static final Set<String> CONDITIONS = Set.of("service_healthy", "service_completed_successfully");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|API_KEY).*");
    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*:\\?[^}]*}");
    private static final Pattern SHORT_PORT = Pattern.compile("^(?:(?<ip>[^:]*):)?(?:(?<host>[^:]*):)?(?<container>[0-9]+(?:-[0-9]+)?)(?:/(?:tcp|udp))?$");

    private ComposeChecks() {
    }

    /** Every problem of one compose file: images, ports, health checks, depends_on, secrets, build contexts. */
    public static List<String> all(ComposeFile file, Path projectDir) {
        List<String> problems = new ArrayList<>();
        problems.addAll(imagesPinned(file));
        problems.addAll(portsOnLoopbackAndUnique(List.of(file)));
        problems.addAll(healthChecks(file));
        problems.addAll(dependsOnConditions(List.of(file)));
        problems.addAll(secretsWithoutDefaults(file));
        problems.addAll(buildContexts(file, projectDir));
        return problems;
    }

    /** An image names a version: a tag that is not {@code latest} (or a digest); a built image gets a tag too. */
    public static List<String> imagesPinned(ComposeFile file) {
        List<String> problems = new ArrayList<>();
        file.services().forEach((name, service) -> {
            Object image = service.get("image");
            if (image == null) {
                if (service.containsKey("build")) {
                    problems.add(file.name() + ": service " + name + " builds an image without naming it (image: name:version)");
                }
                return;
            }
            String problem = ImageReference.unpinnedReason(String.valueOf(image));
            if (problem != null) {
                problems.add(file.name() + ": service " + name + " image '" + image + "' " + problem);
            }
        });
        return problems;
    }

    /** Published ports are bound to 127.0.0.1 and no host port is published twice (across all the files given). */
    public static List<String> portsOnLoopbackAndUnique(List<ComposeFile> files) {
        List<String> problems = new ArrayList<>();
        Map<Integer, String> owners = new HashMap<>();
        for (ComposeFile file : files) {
            file.services().forEach((name, service) -> {
                for (Object port : ComposeFile.list(service, "ports")) {
                    String ip;
                    String hostPorts;
                    String spec;
                    if (port instanceof Map<?, ?> longForm) {
                        spec = longForm.toString();
                        ip = longForm.get("host_ip") == null ? null : String.valueOf(longForm.get("host_ip"));
                        hostPorts = longForm.get("published") == null ? null : String.valueOf(longForm.get("published"));
                    } else {
                        spec = String.valueOf(port);
                        Matcher m = SHORT_PORT.matcher(ComposeFile.interpolate(spec, Map.of()));
                        if (!m.matches()) {
                            problems.add(file.name() + ": service " + name + " port '" + spec + "' cannot be read");
                            continue;
                        }
                        // "8080" publishes on a random port of every interface; "a:b" is host:container.
                        ip = m.group("host") == null ? null : m.group("ip");
                        hostPorts = m.group("host") == null ? m.group("ip") : m.group("host");
                    }
                    if (!"127.0.0.1".equals(ip)) {
                        problems.add(file.name() + ": service " + name + " publishes '" + spec
                                + "' on every interface; bind it to 127.0.0.1");
                    }
                    if (hostPorts == null || hostPorts.isEmpty()) {
                        continue;
                    }
                    for (int hostPort : range(ComposeFile.interpolate(hostPorts, Map.of()))) {
                        String owner = owners.putIfAbsent(hostPort, name);
                        if (owner != null) {
                            problems.add(file.name() + ": host port " + hostPort + " is published by " + owner + " and by " + name);
                        }
                    }
                }
            });
        }
        return problems;
    }

    /** Every long-running service says how to tell it is healthy; jobs ({@code restart: "no"}) are exempt. */
    public static List<String> healthChecks(ComposeFile file) {
        List<String> problems = new ArrayList<>();
        file.services().forEach((name, service) -> {
            if (ComposeFile.isFragment(service) || ComposeFile.isJob(service)) {
                return;
            }
            if (!hasHealthCheck(service)) {
                problems.add(file.name() + ": service " + name + " has no healthcheck");
            }
            if (!"unless-stopped".equals(service.get("restart")) && !"always".equals(service.get("restart"))) {
                problems.add(file.name() + ": service " + name + " is long-running but has no restart policy");
            }
        });
        return problems;
    }

    /**
     * {@code depends_on} waits for something: the dependency's health (it must have a health check) or a job's
     * successful completion (it must be a job). Files are merged in order, as compose does.
     */
    public static List<String> dependsOnConditions(List<ComposeFile> files) {
        Map<String, Map<String, Object>> merged = new HashMap<>();
        for (ComposeFile file : files) {
            file.services().forEach((name, service) -> merged.merge(name, new HashMap<>(service), (a, b) -> {
                a.putAll(b);
                return a;
            }));
        }
        List<String> problems = new ArrayList<>();
        String names = files.stream().map(ComposeFile::name).reduce((a, b) -> a + "+" + b).orElse("");
        for (ComposeFile file : files) {
            file.services().forEach((name, service) -> {
                Object dependsOn = service.get("depends_on");
                if (dependsOn == null) {
                    return;
                }
                if (!(dependsOn instanceof Map<?, ?> dependencies)) {
                    problems.add(file.name() + ": service " + name + " lists depends_on without conditions; "
                            + "wait for service_healthy or service_completed_successfully");
                    return;
                }
                dependencies.forEach((dependency, settings) -> {
                    Object condition = settings instanceof Map<?, ?> s ? s.get("condition") : null;
                    Map<String, Object> target = merged.get(String.valueOf(dependency));
                    if (target == null) {
                        problems.add(names + ": service " + name + " depends on " + dependency + ", which is not defined");
                    } else if (!CONDITIONS.contains(String.valueOf(condition))) {
                        problems.add(file.name() + ": service " + name + " depends on " + dependency + " with condition "
                                + condition + "; use service_healthy or service_completed_successfully");
                    } else if (condition.equals("service_healthy") && !hasHealthCheck(target)) {
                        problems.add(names + ": service " + name + " waits for " + dependency + " to be healthy, but "
                                + dependency + " has no healthcheck");
                    } else if (condition.equals("service_completed_successfully") && !ComposeFile.isJob(target)) {
                        problems.add(names + ": service " + name + " waits for " + dependency + " to complete, but "
                                + dependency + " is not a job (restart: \"no\")");
                    }
                });
            });
        }
        return problems;
    }

    /** A password or secret is never written in the file, nor defaulted: {@code ${NAME:?message}} only. */
    public static List<String> secretsWithoutDefaults(ComposeFile file) {
        List<String> problems = new ArrayList<>();
        file.services().forEach((name, service) -> ComposeFile.environment(service).forEach((variable, value) -> {
            if (SECRET_NAME.matcher(variable).matches() && (value == null || !REQUIRED_VARIABLE.matcher(value).matches())) {
                problems.add(file.name() + ": service " + name + " sets " + variable + " to '" + value
                        + "'; a secret must be required from the environment: ${" + variable + ":?message}");
            }
        }));
        return problems;
    }

    /** Every build context is a folder of the repository and holds the Dockerfile named. */
    public static List<String> buildContexts(ComposeFile file, Path projectDir) {
        List<String> problems = new ArrayList<>();
        file.services().forEach((name, service) -> {
            Object build = service.get("build");
            if (build == null) {
                return;
            }
            Map<String, Object> settings = build instanceof Map<?, ?> ? ComposeFile.cast(build) : Map.of("context", build);
            Path context = projectDir.resolve(String.valueOf(settings.getOrDefault("context", "."))).normalize();
            Path dockerfile = context.resolve(String.valueOf(settings.getOrDefault("dockerfile", "Dockerfile"))).normalize();
            if (!context.startsWith(projectDir.normalize()) || !Files.isDirectory(context)) {
                problems.add(file.name() + ": service " + name + " build context " + context + " is not a folder of the project");
            } else if (!Files.isRegularFile(dockerfile)) {
                problems.add(file.name() + ": service " + name + " has no Dockerfile at " + dockerfile);
            }
        });
        return problems;
    }

    /** The build context and Dockerfile of a service that builds its image, or null. */
    public static Path[] contextAndDockerfile(Map<String, Object> service, Path projectDir) {
        Object build = service.get("build");
        if (build == null) {
            return null;
        }
        Map<String, Object> settings = build instanceof Map<?, ?> ? ComposeFile.cast(build) : Map.of("context", build);
        Path context = projectDir.resolve(String.valueOf(settings.getOrDefault("context", "."))).normalize();
        return new Path[] {context, context.resolve(String.valueOf(settings.getOrDefault("dockerfile", "Dockerfile"))).normalize()};
    }

    static boolean hasHealthCheck(Map<String, Object> service) {
        if (!(service.get("healthcheck") instanceof Map<?, ?> health) || Boolean.TRUE.equals(health.get("disable"))) {
            return false;
        }
        Object test = health.get("test");
        String text = String.valueOf(test);
        return test != null && !text.equals("[NONE]") && !text.equals("NONE");
    }

    private static List<Integer> range(String ports) {
        String[] bounds = ports.split("-");
        int from = Integer.parseInt(bounds[0].strip());
        int to = bounds.length > 1 ? Integer.parseInt(bounds[1].strip()) : from;
        List<Integer> all = new ArrayList<>();
        for (int p = from; p <= to; p++) {
            all.add(p);
        }
        return all;
    }
}

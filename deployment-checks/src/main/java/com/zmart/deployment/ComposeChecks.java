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
    private static final Pattern ONE_VARIABLE = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*(?::?-([^}]*))?}");
    private static final Pattern REFERENCE =
            Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])[^}]*)?}|\\$([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern MEMORY = Pattern.compile("^([0-9]+)([bkmg]?)$", Pattern.CASE_INSENSITIVE);
    /** A secret's default says it is the local demo's: nobody mistakes it for a production value. */
    static final String LOCAL_DEFAULT_MARK = "local-demo";
    private static final Pattern SHORT_PORT = Pattern.compile("^(?:(?<ip>[^:]*):)?(?:(?<host>[^:]*):)?(?<container>[0-9]+(?:-[0-9]+)?)(?:/(?:tcp|udp))?$");

    private ComposeChecks() {
    }

    /**
     * Every problem of one compose file: images, ports, health checks and their cited tools, depends_on, secrets,
     * defaults, pull policy, memory limits, build contexts.
     */
    public static List<String> all(ComposeFile file, Path projectDir) {
        List<String> problems = new ArrayList<>();
        problems.addAll(imagesPinned(file));
        problems.addAll(portsOnLoopbackAndUnique(List.of(file)));
        problems.addAll(healthChecks(file));
        problems.addAll(probesCited(file));
        problems.addAll(dependsOnConditions(List.of(file)));
        problems.addAll(secretsFromTheEnvironment(file));
        problems.addAll(defaultsForEveryVariable(file));
        problems.addAll(builtImagesNeverPulled(file));
        problems.addAll(memoryLimits(file));
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
        return portsOnLoopbackAndUnique(files, Map.of());
    }

    /**
     * The same, with the files' variables set as given: e.g. a documented scaling range such as
     * {@code REWARDS_HOST_PORTS=8101-8103}, which must collide with no other service's port either.
     */
    public static List<String> portsOnLoopbackAndUnique(List<ComposeFile> files, Map<String, String> variables) {
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
                        Matcher m = SHORT_PORT.matcher(ComposeFile.interpolate(spec, variables));
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
                    for (int hostPort : range(ComposeFile.interpolate(hostPorts, variables))) {
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

    /**
     * A password or secret is never written in the file: it is one variable, {@code ${NAME:-default}}, so that it comes
     * from the environment; a default is there for the local demo only and says so ({@value #LOCAL_DEFAULT_MARK}).
     */
    public static List<String> secretsFromTheEnvironment(ComposeFile file) {
        List<String> problems = new ArrayList<>();
        file.services().forEach((name, service) -> ComposeFile.environment(service).forEach((variable, value) -> {
            if (!SECRET_NAME.matcher(variable).matches()) {
                return;
            }
            Matcher one = value == null ? null : ONE_VARIABLE.matcher(value);
            if (one == null || !one.matches()) {
                problems.add(file.name() + ": service " + name + " sets " + variable + " to '" + value
                        + "'; a secret must come from the environment: ${" + variable + ":-" + LOCAL_DEFAULT_MARK + "-...}");
            } else if (one.group(1) != null && !one.group(1).contains(LOCAL_DEFAULT_MARK)) {
                problems.add(file.name() + ": service " + name + " defaults " + variable + " to '" + one.group(1)
                        + "', which does not say it is for the local demo only (" + LOCAL_DEFAULT_MARK + ")");
            }
        }));
        return problems;
    }

    /**
     * Every variable the file uses has a default ({@code ${X:-value}}), so that {@code docker compose up} works on a
     * clean clone with no {@code .env} and nothing set.
     */
    public static List<String> defaultsForEveryVariable(ComposeFile file) {
        List<String> problems = new ArrayList<>();
        for (String value : file.allValues()) {
            Matcher m = REFERENCE.matcher(value);
            while (m.find()) {
                if (m.group().equals("$$")) {
                    continue;
                }
                String variable = m.group(1) != null ? m.group(1) : m.group(3);
                String operator = m.group(2);
                if (operator == null || operator.endsWith("?")) {
                    problems.add(file.name() + ": '" + m.group() + "' has no default; write ${" + variable
                            + ":-value} so that the file works with nothing set");
                }
            }
        }
        return problems;
    }

    /**
     * Images this file builds are never pulled: a service that builds has {@code pull_policy: build} (zmart/* is on
     * no registry), and a service that runs an image another service builds builds it too, the same way.
     */
    public static List<String> builtImagesNeverPulled(ComposeFile file) {
        List<String> problems = new ArrayList<>();
        Set<String> built = new java.util.HashSet<>();
        file.services().values().stream().filter(s -> s.containsKey("build") && s.get("image") != null)
                .forEach(s -> built.add(String.valueOf(s.get("image"))));
        file.services().forEach((name, service) -> {
            if (service.containsKey("build") && !"build".equals(service.get("pull_policy"))) {
                problems.add(file.name() + ": service " + name + " builds its image but has pull_policy "
                        + service.get("pull_policy") + "; set pull_policy: build, or compose may pull it from a registry");
            } else if (!service.containsKey("build") && built.contains(String.valueOf(service.get("image")))) {
                problems.add(file.name() + ": service " + name + " runs " + service.get("image")
                        + ", which this file builds; give it the same build: and pull_policy: build");
            }
        });
        return problems;
    }

    /**
     * Every container has a memory limit ({@code mem_limit}, which docker-compose 1.29 and Compose v2 both apply); a
     * {@code deploy.resources.limits.memory} beside it must be equal (Compose v2 refuses the file otherwise).
     * Fragments of an override file take the base file's.
     */
    public static List<String> memoryLimits(ComposeFile file) {
        List<String> problems = new ArrayList<>();
        file.services().forEach((name, service) -> {
            if (ComposeFile.isFragment(service)) {
                return;
            }
            Object limit = service.get("mem_limit");
            if (limit == null) {
                problems.add(file.name() + ": service " + name + " has no mem_limit");
            } else if (bytes(String.valueOf(limit)) < 0) {
                problems.add(file.name() + ": service " + name + " mem_limit '" + limit + "' cannot be read (e.g. 512m, 1g)");
            }
            Object deploy = service.get("deploy") instanceof Map<?, ?> d && d.get("resources") instanceof Map<?, ?> r
                    && r.get("limits") instanceof Map<?, ?> l ? l.get("memory") : null;
            if (deploy != null && limit != null && bytes(String.valueOf(deploy)) != bytes(String.valueOf(limit))) {
                problems.add(file.name() + ": service " + name + " has mem_limit " + limit
                        + " and deploy.resources.limits.memory " + deploy + "; keep one");
            }
        });
        return problems;
    }

    /** A memory size as compose writes it (512m, 1g, 1073741824), in bytes; -1 when unreadable. */
    public static long bytes(String size) {
        Matcher m = MEMORY.matcher(size.strip());
        if (!m.matches()) {
            return -1;
        }
        long value = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(java.util.Locale.ROOT)) {
            case "k" -> value << 10;
            case "m" -> value << 20;
            case "g" -> value << 30;
            default -> value;
        };
    }

    /** Every health check cites where its image has the tool it runs ({@link ProbeCitation}). */
    public static List<String> probesCited(ComposeFile file) {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> comments = file.commentsAboveHealthChecks();
        file.services().forEach((name, service) -> {
            if (!hasHealthCheck(service)) {
                return;
            }
            Object test = ((Map<?, ?>) service.get("healthcheck")).get("test");
            String executable = ProbeCitation.executable(test);
            String problem = ProbeCitation.problem(ProbeCitation.find(comments.getOrDefault(name, List.of())), executable);
            if (problem != null) {
                problems.add(file.name() + ": service " + name + " healthcheck " + problem);
            }
        });
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

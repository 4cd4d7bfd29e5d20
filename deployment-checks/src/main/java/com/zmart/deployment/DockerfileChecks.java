package com.zmart.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules for the project's Dockerfiles: every base image pinned, the image not run as root, a HEALTHCHECK whose tool
 * is cited (a job says {@code HEALTHCHECK NONE} on purpose), a heap sized by the container's memory limit, and nothing
 * copied from the host's build output: the images build the jars themselves, in a stage, so that a clean clone builds.
 */
public final class DockerfileChecks {

    private static final Pattern COORDINATES =
            Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>\\s*(?:<version>([^<]+)</version>)?");
    /** The word java as a command (exec or shell form), not inside -Djava.x or java.util. */
    private static final Pattern JAVA_COMMAND = Pattern.compile("(?<![\\w.-])java(?![\\w.-])");
    private static final Pattern PARENT_VERSION = Pattern.compile("<parent>.*?<version>([^<]+)</version>.*?</parent>", Pattern.DOTALL);

    private DockerfileChecks() {
    }

    /** The rules for the image of the last stage (a Dockerfile that makes one image). */
    public static List<String> check(Dockerfile dockerfile, Path context, boolean job) {
        List<String> names = dockerfile.stageNames();
        List<Dockerfile.Instruction> froms = dockerfile.all("FROM");
        String last = froms.isEmpty() ? null : Dockerfile.stageName(froms.get(froms.size() - 1));
        return check(dockerfile, context, last != null && names.contains(last) ? last : null, job);
    }

    /**
     * @param context the build context the Dockerfile is built with
     * @param target  the stage compose builds ({@code build.target}); null for the last stage
     * @param job     whether the image runs a one-shot job (HEALTHCHECK NONE allowed)
     */
    public static List<String> check(Dockerfile dockerfile, Path context, String target, boolean job) {
        List<String> problems = new ArrayList<>();
        Set<String> stages = new HashSet<>();
        for (Dockerfile.Instruction from : dockerfile.all("FROM")) {
            String image = Dockerfile.image(from);
            if (!stages.contains(image)) {
                String reason = ImageReference.unpinnedReason(image);
                if (reason != null) {
                    problems.add(dockerfile.name() + ": FROM " + image + " " + reason);
                }
            }
            String name = Dockerfile.stageName(from);
            if (name != null) {
                stages.add(name);
            }
        }
        String image = target == null ? "the image" : "stage " + target;
        List<Dockerfile.Instruction> built = target == null ? dockerfile.finalStage() : dockerfile.stage(target);
        if (built.isEmpty()) {
            problems.add(dockerfile.name() + ": no stage named " + target);
            return problems;
        }
        List<Dockerfile.Instruction> users = built.stream().filter(i -> i.keyword().equals("USER")).toList();
        if (users.isEmpty()) {
            problems.add(dockerfile.name() + ": " + image + " runs as root (no USER)");
        } else {
            String user = users.get(users.size() - 1).arguments().split(":")[0].strip();
            if (user.equals("root") || user.equals("0")) {
                problems.add(dockerfile.name() + ": " + image + " runs as root (USER " + user + ")");
            }
        }
        List<Dockerfile.Instruction> health = built.stream().filter(i -> i.keyword().equals("HEALTHCHECK")).toList();
        if (health.isEmpty()) {
            problems.add(dockerfile.name() + ": " + image + " has no HEALTHCHECK");
        } else {
            Dockerfile.Instruction check = health.get(health.size() - 1);
            if (check.arguments().equalsIgnoreCase("NONE")) {
                if (!job) {
                    problems.add(dockerfile.name() + ": " + image + " has HEALTHCHECK NONE but is a long-running service");
                }
            } else {
                String problem = ProbeCitation.problem(ProbeCitation.find(check.comments()),
                        ProbeCitation.executableOfHealthcheck(check.arguments()));
                if (problem != null) {
                    problems.add(dockerfile.name() + ": " + image + " HEALTHCHECK " + problem);
                }
            }
        }
        List<Dockerfile.Instruction> starts = built.stream()
                .filter(i -> i.keyword().equals("ENTRYPOINT") || i.keyword().equals("CMD")).toList();
        if (starts.isEmpty()) {
            problems.add(dockerfile.name() + ": " + image + " has no ENTRYPOINT or CMD");
        } else if (JAVA_COMMAND.matcher(starts.get(starts.size() - 1).arguments()).find()
                && !starts.get(starts.size() - 1).arguments().contains("-XX:MaxRAMPercentage=")) {
            problems.add(dockerfile.name() + ": " + image + " runs java without -XX:MaxRAMPercentage: "
                    + "the heap must follow the container's memory limit");
        }
        Set<String> earlier = new HashSet<>();
        for (Dockerfile.Instruction instruction : dockerfile.instructions()) {
            if (instruction.keyword().equals("FROM") && Dockerfile.stageName(instruction) != null) {
                earlier.add(Dockerfile.stageName(instruction));
            }
            if (!instruction.keyword().equals("COPY") && !instruction.keyword().equals("ADD")) {
                continue;
            }
            List<String> words = Arrays.stream(instruction.arguments().split("\\s+")).toList();
            String fromStage = words.stream().filter(w -> w.startsWith("--from=")).map(w -> w.substring(7)).findFirst().orElse(null);
            if (fromStage != null) {
                if (!earlier.contains(fromStage) && ImageReference.unpinnedReason(fromStage) != null) {
                    problems.add(dockerfile.name() + ": COPY --from=" + fromStage + " names no earlier stage nor a pinned image");
                }
                continue;
            }
            List<String> paths = words.stream().filter(w -> !w.startsWith("--")).toList();
            for (String source : paths.subList(0, Math.max(0, paths.size() - 1))) {
                String problem = sourceProblem(context, source);
                if (problem != null) {
                    problems.add(dockerfile.name() + ": " + instruction.keyword() + " " + source + " " + problem);
                }
            }
        }
        return problems;
    }

    /** Null when the source is a file of the repository, not built on the host. */
    static String sourceProblem(Path context, String source) {
        if (source.contains("://")) {
            return "downloads at build time; let Maven provide it";
        }
        Path path = context.resolve(source).normalize();
        if (!path.startsWith(context.normalize())) {
            return "is outside the build context";
        }
        Path relative = context.normalize().relativize(path);
        if (indexOf(relative, "target") >= 0) {
            return "copies the host's build output (target/), which a clean clone has not got; build it in a stage "
                    + "of the Dockerfile and COPY --from that stage";
        }
        return Files.exists(path) ? null : "does not exist in the build context";
    }

    private static int indexOf(Path path, String name) {
        for (int i = 0; i < path.getNameCount(); i++) {
            if (path.getName(i).toString().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    static String artifactId(String pom) {
        Matcher m = COORDINATES.matcher(pom);
        return m.find() ? m.group(1) : "?";
    }

    static String version(String pom) {
        Matcher own = COORDINATES.matcher(pom);
        if (own.find() && own.group(2) != null) {
            return own.group(2);
        }
        Matcher parent = PARENT_VERSION.matcher(pom);
        return parent.find() ? parent.group(1) : "?";
    }

}

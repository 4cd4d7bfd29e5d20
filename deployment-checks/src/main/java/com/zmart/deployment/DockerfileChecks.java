package com.zmart.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * Rules for the project's Dockerfiles: every base image pinned, the running stage not root, a HEALTHCHECK (a job
 * says {@code HEALTHCHECK NONE} on purpose), and everything copied from the build context either in the repository
 * or produced by Maven under a module's {@code target/}.
 */
public final class DockerfileChecks {

    private static final Pattern COORDINATES =
            Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>\\s*(?:<version>([^<]+)</version>)?");
    private static final Pattern PARENT_VERSION = Pattern.compile("<parent>.*?<version>([^<]+)</version>.*?</parent>", Pattern.DOTALL);
    private static final Pattern OUTPUT_DIR = Pattern.compile("(?:\\$\\{project\\.build\\.directory}|/target)/([A-Za-z0-9._-]+)");

    private DockerfileChecks() {
    }

    /**
     * @param context the build context the Dockerfile is built with
     * @param job     whether the image runs a one-shot job (HEALTHCHECK NONE allowed)
     */
    public static List<String> check(Dockerfile dockerfile, Path context, boolean job) {
        List<String> problems = new ArrayList<>();
        Set<String> stages = new HashSet<>();
        for (Dockerfile.Instruction from : dockerfile.all("FROM")) {
            String[] words = from.arguments().split("\\s+");
            String image = Arrays.stream(words).filter(w -> !w.startsWith("--")).findFirst().orElse("");
            if (!stages.contains(image)) {
                String reason = ImageReference.unpinnedReason(image);
                if (reason != null) {
                    problems.add(dockerfile.name() + ": FROM " + image + " " + reason);
                }
            }
            if (words.length >= 3 && words[words.length - 2].equalsIgnoreCase("AS")) {
                stages.add(words[words.length - 1]);
            }
        }
        List<Dockerfile.Instruction> last = dockerfile.finalStage();
        List<Dockerfile.Instruction> users = last.stream().filter(i -> i.keyword().equals("USER")).toList();
        if (users.isEmpty()) {
            problems.add(dockerfile.name() + ": the image runs as root (no USER in its last stage)");
        } else {
            String user = users.get(users.size() - 1).arguments().split(":")[0].strip();
            if (user.equals("root") || user.equals("0")) {
                problems.add(dockerfile.name() + ": the image runs as root (USER " + user + ")");
            }
        }
        List<Dockerfile.Instruction> health = last.stream().filter(i -> i.keyword().equals("HEALTHCHECK")).toList();
        if (health.isEmpty()) {
            problems.add(dockerfile.name() + ": no HEALTHCHECK");
        } else if (health.get(health.size() - 1).arguments().equalsIgnoreCase("NONE") && !job) {
            problems.add(dockerfile.name() + ": HEALTHCHECK NONE on a long-running service");
        }
        if (last.stream().noneMatch(i -> i.keyword().equals("ENTRYPOINT") || i.keyword().equals("CMD"))) {
            problems.add(dockerfile.name() + ": no ENTRYPOINT or CMD");
        }
        for (Dockerfile.Instruction copy : dockerfile.instructions()) {
            if (!copy.keyword().equals("COPY") && !copy.keyword().equals("ADD")) {
                continue;
            }
            List<String> words = Arrays.stream(copy.arguments().split("\\s+")).toList();
            if (words.stream().anyMatch(w -> w.startsWith("--from="))) {
                continue;
            }
            List<String> paths = words.stream().filter(w -> !w.startsWith("--")).toList();
            for (String source : paths.subList(0, Math.max(0, paths.size() - 1))) {
                String problem = sourceProblem(context, source);
                if (problem != null) {
                    problems.add(dockerfile.name() + ": " + copy.keyword() + " " + source + " " + problem);
                }
            }
        }
        return problems;
    }

    /** Null when the source is in the repository or is something Maven produces in a module's target folder. */
    static String sourceProblem(Path context, String source) {
        if (source.contains("://")) {
            return "downloads at build time; let Maven provide it";
        }
        Path path = context.resolve(source).normalize();
        if (!path.startsWith(context.normalize())) {
            return "is outside the build context";
        }
        Path relative = context.normalize().relativize(path);
        int target = indexOf(relative, "target");
        if (target < 0) {
            return Files.exists(path) ? null : "does not exist in the build context";
        }
        if (target == relative.getNameCount() - 1) {
            return "copies the whole target folder; copy what the image needs";
        }
        Path module = target == 0 ? context.normalize() : context.normalize().resolve(relative.subpath(0, target));
        Path pom = module.resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            return "is under target/ of " + module + ", which is not a Maven module";
        }
        String produced = relative.subpath(target + 1, relative.getNameCount()).toString();
        String pomText = readPom(pom);
        String jar = artifactId(pomText) + "-" + version(pomText) + ".jar";
        if (produced.equals(jar)) {
            return null;
        }
        String firstName = relative.getName(target + 1).toString();
        Matcher outputs = OUTPUT_DIR.matcher(pomText);
        while (outputs.find()) {
            if (outputs.group(1).equals(firstName)) {
                return null;
            }
        }
        return "is not produced by " + pom + " (its jar is target/" + jar + ")";
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

    private static String readPom(Path pom) {
        try {
            return Files.readString(pom);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

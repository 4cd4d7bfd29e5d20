package com.zmart.deployment.structure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packages of one source root and which of them each one uses: through its imports, and through fully qualified
 * names in its code. Read from the sources as text, so it needs no compiled classes.
 */
final class PackageGraph {

    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    /** A qualified name up to its first capitalised segment (a type): the part before it is a package. */
    private static final Pattern QUALIFIED_TYPE = Pattern.compile("\\b((?:[a-z_]\\w*\\.)+)[A-Z]\\w*");

    private final Map<String, Set<String>> uses;

    private PackageGraph(Map<String, Set<String>> uses) {
        this.uses = uses;
    }

    static PackageGraph of(Path sourceRoot) {
        Map<Path, String> packageOfFile = new HashMap<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                Matcher matcher = PACKAGE.matcher(read(file));
                if (matcher.find()) {
                    packageOfFile.put(file, matcher.group(1));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> packages = new TreeSet<>(packageOfFile.values());
        Map<String, Set<String>> uses = new TreeMap<>();
        packages.forEach(p -> uses.put(p, new TreeSet<>()));
        packageOfFile.forEach((file, from) -> {
            Matcher names = QUALIFIED_TYPE.matcher(PACKAGE.matcher(withoutComments(read(file))).replaceFirst(""));
            while (names.find()) {
                String to = names.group(1).substring(0, names.group(1).length() - 1);
                if (!to.equals(from) && packages.contains(to)) {
                    uses.get(from).add(to);
                }
            }
        });
        return new PackageGraph(uses);
    }

    /** Every group of two or more packages that use one another, directly or through others (Tarjan). */
    List<Set<String>> cycles() {
        Tarjan tarjan = new Tarjan();
        uses.keySet().forEach(p -> {
            if (!tarjan.index.containsKey(p)) {
                tarjan.visit(p);
            }
        });
        return tarjan.cycles;
    }

    private final class Tarjan {
        final Map<String, Integer> index = new HashMap<>();
        final Map<String, Integer> low = new HashMap<>();
        final Deque<String> stack = new ArrayDeque<>();
        final Set<String> onStack = new TreeSet<>();
        final List<Set<String>> cycles = new ArrayList<>();

        void visit(String p) {
            index.put(p, index.size());
            low.put(p, index.get(p));
            stack.push(p);
            onStack.add(p);
            for (String q : uses.get(p)) {
                if (!index.containsKey(q)) {
                    visit(q);
                    low.put(p, Math.min(low.get(p), low.get(q)));
                } else if (onStack.contains(q)) {
                    low.put(p, Math.min(low.get(p), index.get(q)));
                }
            }
            if (low.get(p).equals(index.get(p))) {
                Set<String> component = new TreeSet<>();
                String q;
                do {
                    q = stack.pop();
                    onStack.remove(q);
                    component.add(q);
                } while (!q.equals(p));
                if (component.size() > 1) {
                    cycles.add(component);
                }
            }
        }
    }

    private static String withoutComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

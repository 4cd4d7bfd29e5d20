package com.zmart.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A Dockerfile as its instructions (continuation lines joined), each with the comment lines written just above it. */
public record Dockerfile(String name, List<Instruction> instructions) {

    /** One instruction: its keyword (upper case), its arguments as written, the comments directly above it. */
    public record Instruction(String keyword, String arguments, List<String> comments) {

        public Instruction(String keyword, String arguments) {
            this(keyword, arguments, List.of());
        }
    }

    public static Dockerfile read(Path file) {
        try {
            return parse(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    public static Dockerfile parse(String name, String text) {
        List<Instruction> instructions = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String stripped = line.strip();
            if (current.isEmpty() && stripped.isEmpty()) {
                comments.clear();
                continue;
            }
            if (stripped.startsWith("#")) {
                if (current.isEmpty()) {
                    comments.add(stripped.substring(1).strip());
                }
                continue;
            }
            if (stripped.endsWith("\\")) {
                current.append(stripped, 0, stripped.length() - 1).append(' ');
                continue;
            }
            current.append(stripped);
            String instruction = current.toString().strip();
            current.setLength(0);
            if (instruction.isEmpty()) {
                continue;
            }
            int space = instruction.indexOf(' ');
            List<String> above = List.copyOf(comments);
            comments.clear();
            instructions.add(space < 0 ? new Instruction(instruction.toUpperCase(Locale.ROOT), "", above)
                    : new Instruction(instruction.substring(0, space).toUpperCase(Locale.ROOT), instruction.substring(space + 1).strip(), above));
        }
        return new Dockerfile(name, List.copyOf(instructions));
    }

    /** The instructions of the last stage (the image that {@code docker build} without a target makes). */
    public List<Instruction> finalStage() {
        int from = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).keyword().equals("FROM")) {
                from = i;
            }
        }
        return instructions.subList(from, instructions.size());
    }

    /** The names of the stages ({@code FROM image AS name}), in order. */
    public List<String> stageNames() {
        return all("FROM").stream().map(Dockerfile::stageName).filter(n -> n != null).toList();
    }

    /**
     * The instructions that make the image of stage {@code target}: those of the stages it is built {@code FROM}
     * (a stage of this file), then its own; empty when there is no such stage.
     */
    public List<Instruction> stage(String target) {
        int from = -1;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).keyword().equals("FROM") && target.equals(stageName(instructions.get(i)))) {
                from = i;
            }
        }
        if (from < 0) {
            return List.of();
        }
        int end = from + 1;
        while (end < instructions.size() && !instructions.get(end).keyword().equals("FROM")) {
            end++;
        }
        List<Instruction> chain = new ArrayList<>();
        String base = image(instructions.get(from));
        if (!base.equals(target) && stageNames().subList(0, stageNames().indexOf(target)).contains(base)) {
            chain.addAll(stage(base));
        }
        chain.addAll(instructions.subList(from, end));
        return chain;
    }

    public List<Instruction> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    /** The image (or earlier stage) a FROM starts from. */
    static String image(Instruction from) {
        return Arrays.stream(from.arguments().split("\\s+")).filter(w -> !w.startsWith("--")).findFirst().orElse("");
    }

    /** The name a FROM gives its stage, or null. */
    static String stageName(Instruction from) {
        String[] words = from.arguments().split("\\s+");
        return words.length >= 3 && words[words.length - 2].equalsIgnoreCase("AS") ? words[words.length - 1] : null;
    }
}

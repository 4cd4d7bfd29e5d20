package com.zmart.deployment;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a health check's tool is shown to be in its image: a comment {@code probe: TOOL — SOURCE} written just above
 * the check (compose's {@code healthcheck:}, a Dockerfile's {@code HEALTHCHECK}). A probe whose tool the image lacks
 * fails forever and holds back everything that waits for it, and no check without a Docker engine can run it; so the
 * tool is cited from the image's Dockerfile or documentation, and kept in step with the command.
 *
 * @param tool   the executable the check runs
 * @param source the image's Dockerfile or documentation that shows it there
 */
public record ProbeCitation(String tool, String source) {

    private static final Pattern CITATION = Pattern.compile("^probe:\\s*(\\S+)\\s+(?:—|--?)\\s+(.+)$");
    private static final Pattern NAMES_A_SOURCE = Pattern.compile(".*\\S+/\\S+.*(Dockerfile|compose|docs|\\.adoc|\\.md).*");

    /** The citation among the comment lines (it may go on over the lines after it), or null. */
    public static ProbeCitation find(List<String> comments) {
        for (int i = 0; i < comments.size(); i++) {
            Matcher m = CITATION.matcher(comments.get(i).strip());
            if (m.matches()) {
                String source = String.join(" ", comments.subList(i, comments.size())).strip();
                return new ProbeCitation(m.group(1), source.substring(source.indexOf(m.group(2))).strip());
            }
        }
        return null;
    }

    /** Why the citation does not fit a check that runs {@code executable}, or null when it does. */
    public static String problem(ProbeCitation citation, String executable) {
        if (citation == null) {
            return "has no '# probe: TOOL — SOURCE' comment citing where its image has " + executable;
        }
        if (!citation.tool().equals(executable)) {
            return "runs " + executable + " but its probe comment cites " + citation.tool();
        }
        if (!NAMES_A_SOURCE.matcher(citation.source()).matches()) {
            return "cites no source for " + executable + " (the image's Dockerfile or docs): '" + citation.source() + "'";
        }
        return null;
    }

    /** The executable of a compose {@code healthcheck.test}: list form (CMD, CMD-SHELL) or a shell string. */
    public static String executable(Object test) {
        if (test instanceof List<?> list && !list.isEmpty()) {
            String kind = String.valueOf(list.get(0));
            if (kind.equals("CMD") && list.size() > 1) {
                return String.valueOf(list.get(1));
            }
            if (kind.equals("CMD-SHELL") && list.size() > 1) {
                return firstWord(String.valueOf(list.get(1)));
            }
            return firstWord(kind);
        }
        return firstWord(String.valueOf(test));
    }

    /** The executable of a Dockerfile {@code HEALTHCHECK [options] CMD ...} (exec or shell form), or null for NONE. */
    public static String executableOfHealthcheck(String arguments) {
        List<String> words = Arrays.asList(arguments.strip().split("\\s+"));
        int cmd = words.indexOf("CMD");
        if (cmd < 0) {
            return null;
        }
        String command = String.join(" ", words.subList(cmd + 1, words.size())).strip();
        if (command.startsWith("[")) {
            Matcher first = Pattern.compile("^\\[\\s*\"([^\"]+)\"").matcher(command);
            return first.find() ? first.group(1) : command;
        }
        return firstWord(command);
    }

    private static String firstWord(String command) {
        return command.strip().split("\\s+")[0];
    }
}

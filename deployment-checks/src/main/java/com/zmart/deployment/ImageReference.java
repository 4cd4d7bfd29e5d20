package com.zmart.deployment;

/** Whether an image reference ({@code name[:tag][@digest]}) names one version. */
public final class ImageReference {

    private ImageReference() {
    }

    /** Why the reference is not pinned, or null when it is. */
    public static String unpinnedReason(String reference) {
        if (reference.contains("$")) {
            return "is a variable; write the version in the file";
        }
        if (reference.contains("@sha256:")) {
            return null;
        }
        int slash = reference.lastIndexOf('/');
        int colon = reference.lastIndexOf(':');
        if (colon < slash + 1) {
            return "has no tag (that is 'latest')";
        }
        String tag = reference.substring(colon + 1);
        if (tag.equalsIgnoreCase("latest") || tag.startsWith("latest-")) {
            return "uses the moving tag '" + tag + "'";
        }
        if (!tag.matches(".*[0-9].*")) {
            return "uses the tag '" + tag + "', which names no version";
        }
        return null;
    }
}

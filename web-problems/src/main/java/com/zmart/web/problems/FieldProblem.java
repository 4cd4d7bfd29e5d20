package com.zmart.web.problems;

/**
 * One entry of a 400's {@code errors} member: what the client sent wrong and why.
 *
 * @param field   a body field as a path into the JSON ({@code occurredAt}, {@code [3].url}), a query or path parameter
 *                by its name in the URL template ({@code limit}, {@code storeId}), or {@code body} for the body as a
 *                whole. Body fields and parameters share the key because a client fixes both the same way: it changes
 *                the input of that name.
 * @param problem what is wrong with it, phrased to follow the name ({@code "must be between 1 and 1440"})
 */
public record FieldProblem(String field, String problem) {
}

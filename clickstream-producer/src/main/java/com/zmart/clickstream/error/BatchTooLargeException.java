package com.zmart.clickstream.error;

/** More clicks in one batch than the service accepts. */
public class BatchTooLargeException extends RuntimeException {

    private final int size;
    private final int limit;

    public BatchTooLargeException(int size, int limit) {
        super("A batch holds at most " + limit + " clicks, this one has " + size);
        this.size = size;
        this.limit = limit;
    }

    public int size() {
        return size;
    }

    public int limit() {
        return limit;
    }
}

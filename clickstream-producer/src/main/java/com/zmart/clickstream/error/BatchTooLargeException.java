package com.zmart.clickstream.error;

/** More clicks in one batch than the service accepts. */
public class BatchTooLargeException extends RuntimeException {

    public BatchTooLargeException(int size, int limit) {
        super("A batch holds at most " + limit + " clicks, this one has " + size);
    }
}

package com.zmart.clickstream.error;

/** A tracking link whose token does not verify or whose destination is not allowed. */
public class InvalidLinkException extends RuntimeException {

    private final String field;

    public InvalidLinkException(String field, String problem) {
        super(problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

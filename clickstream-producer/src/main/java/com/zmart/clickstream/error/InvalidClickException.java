package com.zmart.clickstream.error;

/** A click that passed the syntax checks but makes no sense (e.g. a time in the future). */
public class InvalidClickException extends RuntimeException {

    private final String field;

    public InvalidClickException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

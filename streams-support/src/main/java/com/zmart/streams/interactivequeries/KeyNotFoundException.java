package com.zmart.streams.interactivequeries;

/** The instance that owns the key has no entry for it: answered 404. */
public class KeyNotFoundException extends RuntimeException {

    public KeyNotFoundException(String message) {
        super(message);
    }
}

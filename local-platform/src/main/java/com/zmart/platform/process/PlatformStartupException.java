package com.zmart.platform.process;

/** A component of the local platform could not start; the message says what is wrong and how to fix it. */
public class PlatformStartupException extends RuntimeException {

    public PlatformStartupException(String message) {
        super(message);
    }

    public PlatformStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}

package com.zmart.clickstream.error;

/** The request body is larger than the service reads. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(long limit) {
        super("The request body exceeds " + limit + " bytes");
    }
}

package com.zmart.rewards.mail;

/** The member's email address is unknown: the notification cannot be delivered and goes to the dead-letter topic. */
public class MissingEmailAddressException extends RuntimeException {

    public MissingEmailAddressException(String memberId) {
        super("No email address known for member " + memberId);
    }
}

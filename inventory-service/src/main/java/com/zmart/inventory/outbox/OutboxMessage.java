package com.zmart.inventory.outbox;

/** One unsent message of the outbox. */
record OutboxMessage(long id, String topic, String key, byte[] payload) {
}

package com.zmart.inventory.outbox;

/** A message appended to the outbox by the current transaction and not inserted yet. */
record PendingMessage(String topic, String key, byte[] payload) {
}

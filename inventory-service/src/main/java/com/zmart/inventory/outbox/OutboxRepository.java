package com.zmart.inventory.outbox;

import java.time.Instant;
import java.util.List;

import com.zmart.inventory.support.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code outbox} table. */
@Repository
class OutboxRepository {

    // Any constant: the relay of one instance at a time holds this transaction-scoped lock.
    private static final long RELAY_LOCK = 0x5A4D_4F42L;

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the messages in one statement; their ids (the relay's sending order) follow the list's order. */
    void insert(List<PendingMessage> messages) {
        jdbc.sql("INSERT INTO outbox (topic, message_key, payload)"
                        + " SELECT topic, message_key, payload FROM unnest(?::text[], ?::text[], ?::bytea[])"
                        + " WITH ORDINALITY AS m (topic, message_key, payload, position) ORDER BY position")
                .params(messages.stream().map(PendingMessage::topic).toArray(String[]::new),
                        messages.stream().map(PendingMessage::key).toArray(String[]::new),
                        messages.stream().map(PendingMessage::payload).toArray(byte[][]::new))
                .update();
    }

    /**
     * True when this transaction may relay: only one relay at a time sends, so messages of one key reach the
     * topic in the order they were written even with several instances running.
     */
    boolean lockRelay() {
        return jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(RELAY_LOCK).query(Boolean.class).single();
    }

    List<OutboxMessage> unsent(int limit) {
        return jdbc.sql("SELECT id, topic, message_key, payload FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT ?")
                .param(limit)
                .query((rs, row) -> new OutboxMessage(rs.getLong("id"), rs.getString("topic"),
                        rs.getString("message_key"), rs.getBytes("payload")))
                .list();
    }

    void markSent(List<Long> ids, Instant at) {
        jdbc.sql("UPDATE outbox SET sent_at = ? WHERE id = ANY(?)")
                .params(DbTime.of(at), ids.toArray(Long[]::new)).update();
    }

    long countUnsent() {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE sent_at IS NULL").query(Long.class).single();
    }

    int deleteSentBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM outbox WHERE sent_at < ?").param(DbTime.of(cutoff)).update();
    }
}

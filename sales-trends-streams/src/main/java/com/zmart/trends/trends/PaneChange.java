package com.zmart.trends.trends;

import java.nio.ByteBuffer;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What the changed-panes store knows of a changed pane: the event time of its latest line (the timestamp of the
 * windows written for it) and which views, by their position in the configuration, have written its windows since.
 * The pane's mark is deleted once every view has.
 *
 * @param latestLineTime event time of the latest line that changed the pane
 * @param writtenViews   bit {@code i} set: view {@code i} wrote the pane's windows since that line
 */
record PaneChange(long latestLineTime, int writtenViews) {

    /** The time (8 bytes), then the views (4 bytes); a value of 8 bytes (the time alone) has no view written. */
    static final Serde<PaneChange> SERDE = Serdes.serdeFrom(new PaneChangeSerializer(), new PaneChangeDeserializer());

    /** A new line changed the pane: every view has to write its windows again. */
    PaneChange changedAgainAt(long lineTime) {
        return new PaneChange(Math.max(latestLineTime, lineTime), 0);
    }

    static PaneChange at(long lineTime) {
        return new PaneChange(lineTime, 0);
    }

    boolean writtenBy(int view) {
        return (writtenViews & (1 << view)) != 0;
    }

    PaneChange withWrittenBy(int view) {
        return new PaneChange(latestLineTime, writtenViews | (1 << view));
    }

    private static final class PaneChangeSerializer implements Serializer<PaneChange> {
        @Override
        public byte[] serialize(String topic, PaneChange change) {
            return change == null ? null
                    : ByteBuffer.allocate(12).putLong(change.latestLineTime).putInt(change.writtenViews).array();
        }
    }

    private static final class PaneChangeDeserializer implements Deserializer<PaneChange> {
        @Override
        public PaneChange deserialize(String topic, byte[] data) {
            if (data == null) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.wrap(data);
            return switch (data.length) {
                case 8 -> new PaneChange(buffer.getLong(), 0);
                case 12 -> new PaneChange(buffer.getLong(), buffer.getInt());
                default -> throw new SerializationException("A pane change is 8 or 12 bytes, not " + data.length);
            };
        }
    }
}

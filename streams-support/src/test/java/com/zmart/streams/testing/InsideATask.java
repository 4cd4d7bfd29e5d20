package com.zmart.streams.testing;

import java.util.Properties;
import java.util.function.Consumer;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Runs a test's steps inside one {@code process()} call of a {@link TopologyTestDriver} task that owns a store: the
 * store is a real one, initialized by Streams, and no commit comes between the steps (the driver commits after each
 * record).
 */
public final class InsideATask {

    private InsideATask() {
    }

    public static <S extends StateStore> void run(StoreBuilder<S> store, Consumer<S> steps) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(store);
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String())).process(() ->
                new Processor<String, String, Void, Void>() {
                    private S state;

                    @Override
                    public void init(ProcessorContext<Void, Void> context) {
                        state = context.getStateStore(store.name());
                    }

                    @Override
                    public void process(Record<String, String> record) {
                        steps.accept(state);
                    }
                }, store.name());
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "inside-a-task");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config)) {
            driver.createInputTopic("in", Serdes.String().serializer(), Serdes.String().serializer())
                    .pipeInput("k", "steps");
        }
    }
}

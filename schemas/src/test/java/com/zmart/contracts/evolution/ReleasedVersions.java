package com.zmart.contracts.evolution;

import java.util.List;

import com.zmart.contracts.serde.SingleObjectDecoders;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * Internal records (store values, repartition topics) outlive the version that wrote them: the next version reads them
 * only if the current schema ships among the released ones ({@code released/<full name>/v<n>.avsc} in the service's
 * resources), which {@link SingleObjectDecoders} registers as known writers.
 */
public final class ReleasedVersions {

    private ReleasedVersions() {
    }

    /** Whether the latest released version of {@code current}'s record is {@code current} itself. */
    public static boolean latestIs(Schema current) {
        List<Schema> released = SingleObjectDecoders.released(current.getFullName());
        return !released.isEmpty() && SchemaNormalization.parsingFingerprint64(released.get(released.size() - 1))
                == SchemaNormalization.parsingFingerprint64(current);
    }
}

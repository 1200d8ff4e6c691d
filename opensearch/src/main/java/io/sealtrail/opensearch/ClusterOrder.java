package io.sealtrail.opensearch;

import io.sealtrail.index.IndexException;
import io.sealtrail.index.IndexSchema;
import java.util.ArrayList;
import java.util.List;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;

/**
 * The one order of events (the local index's EventSearchOrder) as OpenSearch sort options: time, bundle id, seq,
 * leaf, events without a time last; newest first is its exact reverse. Another field goes first, missing last both
 * ways, a multi-valued one by its least value ascending and its greatest descending (OpenSearch's default modes).
 */
final class ClusterOrder {
    private ClusterOrder() {
    }

    static List<SortOptions> sort(io.sealtrail.index.SortOrder order) throws IndexException {
        if (order.isTime()) {
            return events(order.descending());
        }
        String f = order.field();
        if (!io.sealtrail.index.SortOrder.sortable(f)) {
            throw new IndexException("cannot sort by \"" + f + "\": "
                    + (IndexSchema.isSearchable(f) ? "it has no sortable values in the index; " : "no such field; ")
                    + "sort by a keyword field other than event.hash, or by time, seq, leaf or line (see docs/index-schema.md)");
        }
        List<SortOptions> out = new ArrayList<>();
        out.add(field(f, order.descending(), "_last"));
        out.addAll(events(false));
        return out;
    }

    private static List<SortOptions> events(boolean reverse) {
        return List.of(field(IndexSchema.TIME, reverse, reverse ? "_first" : "_last"),
                field(IndexSchema.BUNDLE_ID, reverse, null), field(IndexSchema.SEQ, reverse, null),
                field(IndexSchema.LEAF, reverse, null));
    }

    private static SortOptions field(String name, boolean desc, String missing) {
        return SortOptions.of(s -> s.field(f -> {
            f.field(name).order(desc ? SortOrder.Desc : SortOrder.Asc);
            if (missing != null) {
                f.missing(FieldValue.of(missing));
            }
            return f;
        }));
    }
}

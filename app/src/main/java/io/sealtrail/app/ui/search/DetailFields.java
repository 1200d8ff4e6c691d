package io.sealtrail.app.ui.search;

import io.sealtrail.index.Hit;
import io.sealtrail.index.HitFields;
import io.sealtrail.index.IndexSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every field of an event as the detail pane groups them: what happened, who, from where, on what, the evidence,
 * and a source record's own fields. Each field is named as a query names it ({@link HitFields}); groups list only
 * the fields the event has.
 */
final class DetailFields {
    /** A titled group of field names. */
    record Group(String title, List<String> fields) {
    }

    private static final List<Group> SCHEMA = List.of(
            new Group("Event", List.of(IndexSchema.TIME, IndexSchema.ACTION, IndexSchema.OUTCOME, IndexSchema.REASON)),
            new Group("Who", List.of(IndexSchema.USER_NAME, IndexSchema.USER_ID, IndexSchema.USER_ROLES,
                    IndexSchema.AUTH_METHOD, IndexSchema.AUTH_MFA)),
            new Group("From", List.of(IndexSchema.SOURCE_IP, IndexSchema.SOURCE_PORT, IndexSchema.USER_AGENT)),
            new Group("Target", List.of(IndexSchema.TARGET_KIND, IndexSchema.TARGET_NAME, IndexSchema.TARGET_ACCOUNT,
                    IndexSchema.TARGET_NAMESPACE, IndexSchema.SESSION_ID, IndexSchema.COMMAND, IndexSchema.QUERY)),
            // integrity is not listed: the standing beside the fields says it in the words the CLI and the PDF use
            new Group("Evidence", List.of(IndexSchema.BUNDLE_ID, IndexSchema.SEQ, IndexSchema.LEAF,
                    IndexSchema.FILE, IndexSchema.LINE, IndexSchema.SOURCE_FORMAT, IndexSchema.EVENT_HASH)));

    private DetailFields() {
    }

    /** The groups of {@code h} with the fields it has, then its source record's own fields when it is one. */
    static List<Group> groups(Hit h) {
        List<Group> out = new ArrayList<>();
        for (Group g : SCHEMA) {
            List<String> present = g.fields().stream().filter(f -> !HitFields.values(h, f).isEmpty()).toList();
            if (!present.isEmpty()) {
                out.add(new Group(g.title(), present));
            }
        }
        Map<String, List<String>> extras = HitFields.extras(h);
        if (!extras.isEmpty()) {
            out.add(new Group("The " + h.sourceFormat() + " record's own fields", List.copyOf(extras.keySet())));
        }
        return out;
    }

    /** Every field of the event, one {@code name<TAB>value} line each: "Copy all fields". */
    static String text(Hit h) {
        return groups(h).stream().flatMap(g -> g.fields().stream())
                .map(f -> f + "\t" + HitFields.value(h, f).replace('\n', ' '))
                .collect(Collectors.joining("\n"));
    }
}

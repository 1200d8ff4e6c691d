package io.sealtrail.verify.event;

import io.sealtrail.model.FindingCode;
import java.util.ArrayList;
import java.util.List;

/**
 * The problems found in one line, in the order found, and the fields they are about: a field already
 * reported (invalid, or its key repeated) is not reported missing as well. A bit per {@link EventField},
 * so what a problem is about never has to be read back out of its message.
 */
final class LineProblems {
    private List<LineProblem> list = List.of();
    private long fields;

    /** Starts a new line; the list handed out before stays as it was. */
    void clear() {
        list = List.of();
        fields = 0;
    }

    /** @param about the field the problem is about, or null for the line or a field outside the table */
    void add(EventField about, FindingCode code, String message) {
        if (list.isEmpty()) {
            list = new ArrayList<>(2);
        }
        list.add(new LineProblem(code, message));
        fields |= about == null ? 0 : about.bit;
    }

    /** The bits of the fields a problem was reported about. */
    long fields() {
        return fields;
    }

    List<LineProblem> list() {
        return list;
    }

    /** Whether an event can still be built: no problem but unknown fields, which the spec lets pass. */
    boolean onlyUnknownFields() {
        for (LineProblem p : list) {
            if (p.code() != FindingCode.FIELD_UNKNOWN) {
                return false;
            }
        }
        return true;
    }
}

package io.sealtrail.sources.jsonl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sealtrail.sources.Head;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The top-level scalar fields of the first JSON object in a file's head, for telling JSON Lines formats apart.
 * Read with a streaming parser so that a first line longer than the head (a Kubernetes event at level
 * RequestResponse can be) still shows the fields that come before the cut.
 */
public final class FirstObject {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private FirstObject() {
    }

    /**
     * The values of {@code names} that are top-level scalars of the first value in the head, as text; empty
     * when the head does not start with a JSON object. Nested objects and arrays are skipped, never looked into.
     *
     * @return the fields found, and {@code null} under a name whose value was not a scalar
     */
    public static Map<String, String> scalars(Head head, Set<String> names) {
        Map<String, String> out = new HashMap<>();
        if (head.firstNonBlank() != '{') {
            return out;
        }
        String text = head.text();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return out;
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (v.isStructStart()) {
                    p.skipChildren();
                    if (names.contains(name)) {
                        out.put(name, null);
                    }
                } else if (names.contains(name)) {
                    out.put(name, v == JsonToken.VALUE_NULL ? null : p.getText());
                }
            }
        } catch (IOException cutOrNotJson) {
            // the head ends inside the object, or it is not JSON: what was read so far is the answer
        }
        return out;
    }
}

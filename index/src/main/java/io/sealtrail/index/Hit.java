package io.sealtrail.index;

import java.time.Instant;

/**
 * One event as search shows it: the stored fields and the raw line exactly as the bundle holds it
 * (decoded as UTF-8 for display). A flat record on purpose: it is what the CLI prints and the workbench
 * binds, one component per column.
 *
 * @param seq    the seq the line claims, or its leaf index when unreadable
 * @param leaf   the line's position in the log's Merkle tree
 * @param time   null when the line's time is unreadable
 * @param anchor true for the event {@link EventSearch#around} was asked about
 * @param fields every other field of the event by its index name ({@link HitFields}), in schema order, each with its
 *               values; a source's record adds the fields of its raw record under its format's name
 *               ({@code cloudtrail.userIdentity.type})
 */
public record Hit(String bundleId, long seq, long leaf, Instant time, String action, String outcome, String userName,
                  String targetKind, String targetName, String sessionId, String command, String query,
                  Integrity integrity, String entryHash, String file, long line, String raw, boolean anchor,
                  String sourceFormat, java.util.Map<String, java.util.List<String>> fields) {

    public Hit {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }

    /** A hit with no fields besides its components. */
    public Hit(String bundleId, long seq, long leaf, Instant time, String action, String outcome, String userName,
               String targetKind, String targetName, String sessionId, String command, String query,
               Integrity integrity, String entryHash, String file, long line, String raw, boolean anchor,
               String sourceFormat) {
        this(bundleId, seq, leaf, time, action, outcome, userName, targetKind, targetName, sessionId, command, query,
                integrity, entryHash, file, line, raw, anchor, sourceFormat, java.util.Map.of());
    }

    /** Whether the event is from one of our bundles, which can prove it (a source's record cannot: docs/sources.md). */
    public boolean provable() {
        return sourceFormat == null || "sealtrail".equals(sourceFormat);
    }

    Hit asAnchor() {
        return new Hit(bundleId, seq, leaf, time, action, outcome, userName, targetKind, targetName, sessionId,
                command, query, integrity, entryHash, file, line, raw, true, sourceFormat, fields);
    }
}

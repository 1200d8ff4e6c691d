package io.sealtrail.sources;

import java.time.Instant;

/**
 * A file being read: its name inside the source (with '/' separators, as findings and the case name it) and
 * its modification time, which formats without a year or zone in their timestamps (syslog) fall back on.
 */
public record SourceFile(String name, Instant modified) {
}

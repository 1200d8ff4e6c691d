package io.sealtrail.model;

/**
 * Where a finding was made: a file inside the bundle, optionally a 1-based line and the event's leaf
 * index. {@code -1} means "not applicable".
 */
public record Location(String file, long line, long seq) {

    public static final Location BUNDLE = new Location(null, -1, -1);

    public static Location file(String file) {
        return new Location(file, -1, -1);
    }

    public static Location line(String file, long line, long seq) {
        return new Location(file, line, seq);
    }

    public static Location seq(long seq) {
        return new Location(null, -1, seq);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(file == null ? "bundle" : file);
        if (line >= 0) {
            s.append(':').append(line);
        }
        if (seq >= 0) {
            s.append(" (seq ").append(seq).append(')');
        }
        return s.toString();
    }
}

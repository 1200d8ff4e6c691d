package io.sealtrail.sources.sudo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Cuts a stream of JSON into records without holding more than one, keeping each record's exact bytes and first
 * line: top-level values one after another (one object, a sequence, JSON Lines), and the members of sudo's event
 * log, which is one object of records keyed by their type ({@code {"accept": {...}, "exit": {...}}}, duplicate
 * keys and all, appended to by rewriting its closing brace). A top-level object whose first key is one of
 * {@link #CONTAINER_KEYS} is taken as such a log: its members are the records.
 * <p>
 * So that a broken record cannot swallow the rest of the file, a line that starts with '{' in its first column
 * always starts a new top-level value, and in sudo's log a line whose first character is '"' indented by at most
 * four spaces always starts a new member (sudo indents nested values deeper). The record cut short there is passed
 * on as broken.
 */
final class JsonRecordSplitter {
    static final Set<String> CONTAINER_KEYS = Set.of("accept", "reject", "alert", "exit");
    static final int MAX_RECORD = 1 << 20;

    enum Kind { VALUE, MEMBER, BROKEN }

    @FunctionalInterface
    interface Handler {
        void piece(Kind kind, long line, byte[] bytes, String problem) throws IOException;
    }

    private final Handler handler;
    private byte[] rec = new byte[4096];
    private int len;
    private boolean recording;
    private boolean overflow;
    private Kind kind;
    private long recLine;
    private int recDepth;
    private int depth;
    private boolean inString;
    private boolean escape;
    private boolean container;
    private boolean sniffing;
    private int keyStart = -1;
    private long keyLine;
    private boolean garbage;
    private long line = 1;
    private int indent;
    private boolean lineStarted;

    JsonRecordSplitter(Handler handler) {
        this.handler = handler;
    }

    void split(InputStream in) throws IOException {
        byte[] buf = new byte[64 * 1024];
        int n;
        boolean first = true;
        while ((n = in.read(buf)) > 0) {
            int i = 0;
            if (first) {
                first = false;
                if (n >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
                    i = 3; // a UTF-8 byte order mark, which JSON allows a reader to ignore
                }
            }
            while (i < n) {
                int j = i;
                if (recording && inString && !escape) {
                    // the bulk of a record is string content: copy it up to what can change the state
                    while (j < n && buf[j] != '"' && buf[j] != '\\' && buf[j] != '\n') {
                        j++;
                    }
                } else if (recording && !lineStarted) {
                    while (j < n && buf[j] == ' ') {
                        j++;
                    }
                    indent += j - i;
                } else if (garbage) {
                    while (j < n && buf[j] != '\n') {
                        j++;
                    }
                }
                if (j > i) {
                    append(buf, i, j);
                    i = j;
                } else {
                    accept(buf[i++]);
                }
            }
        }
        if (recording) {
            emit(Kind.BROKEN, "the file ends inside this record");
        } else if (garbage) {
            emit(Kind.BROKEN, "not JSON");
        }
    }

    private void accept(byte b) throws IOException {
        if (b == '\n') {
            if (garbage) {
                emit(Kind.BROKEN, "not JSON");
                garbage = false;
            } else if (recording) {
                append(b);
            }
            inString = false; // JSON strings hold no raw line feed: the string was broken
            escape = false;
            line++;
            indent = 0;
            lineStarted = false;
            return;
        }
        if (!lineStarted && !inString && b != ' ' && b != '\t' && b != '\r') {
            lineStarted = true;
            resync(b);
        } else if (!lineStarted && b == ' ') {
            indent++;
        }
        if (garbage) {
            append(b);
            return;
        }
        if (recording) {
            append(b);
        }
        if (inString) {
            if (escape) {
                escape = false;
            } else if (b == '\\') {
                escape = true;
            } else if (b == '"') {
                inString = false;
                if (sniffing && keyStart >= 0) {
                    sniffKey();
                }
            }
            return;
        }
        switch (b) {
            case '"' -> {
                if (!recording) {
                    if (container && depth == 1) {
                        start(Kind.MEMBER, 1, b);
                    } else {
                        startGarbage(b);
                        return;
                    }
                }
                inString = true;
                if (sniffing && depth == 1 && keyStart < 0) {
                    keyStart = len - 1;
                    keyLine = line;
                }
            }
            case '{', '[' -> {
                if (!recording) {
                    if (depth == 0 && b == '{') {
                        start(Kind.VALUE, 0, b);
                        sniffing = true;
                    } else {
                        startGarbage(b);
                        return;
                    }
                }
                depth++;
            }
            case '}', ']' -> {
                if (!recording) {
                    if (container && depth == 1 && b == '}') {
                        depth = 0;
                        container = false;
                    } else {
                        startGarbage(b);
                    }
                    return;
                }
                depth--;
                if (depth <= recDepth) {
                    depth = recDepth;
                    emit(overflow ? Kind.BROKEN : kind, overflow ? "record longer than " + MAX_RECORD + " bytes" : null);
                }
            }
            case ' ', '\t', '\r' -> {
            }
            case ',' -> {
                if (!recording && !(container && depth == 1)) {
                    startGarbage(b);
                }
            }
            default -> {
                if (!recording) {
                    startGarbage(b);
                }
            }
        }
    }

    /** Where a line's first character says a new record starts, the one still open was cut short. */
    private void resync(byte b) throws IOException {
        boolean topLevel = b == '{' && indent == 0;
        boolean member = b == '"' && indent <= 4 && container && depth >= 2;
        if (topLevel && (recording || container || depth > 0)) {
            if (recording) {
                len = trimEnd(len);
                emit(Kind.BROKEN, "cut short: the next record starts on line " + line);
            }
            depth = 0;
            container = false;
        } else if (member && recording) {
            len = trimEnd(len);
            emit(Kind.BROKEN, "cut short: the next record starts on line " + line);
            depth = 1;
        }
    }

    /** The first key of a top-level object names a record type: the object is sudo's log, its members records. */
    private void sniffKey() {
        sniffing = false;
        String key = new String(rec, keyStart + 1, Math.max(0, len - keyStart - 2), StandardCharsets.UTF_8);
        if (CONTAINER_KEYS.contains(key)) {
            container = true;
            System.arraycopy(rec, keyStart, rec, 0, len - keyStart);
            len -= keyStart;
            kind = Kind.MEMBER;
            recDepth = 1;
            recLine = keyLine;
        }
        keyStart = -1;
    }

    private void start(Kind k, int atDepth, byte b) {
        recording = true;
        overflow = false;
        kind = k;
        recDepth = atDepth;
        recLine = line;
        len = 0;
        sniffing = false;
        keyStart = -1;
        append(b);
    }

    private void startGarbage(byte b) {
        garbage = true;
        recLine = line;
        len = 0;
        overflow = false;
        append(b);
    }

    private void append(byte b) {
        if (len == MAX_RECORD) {
            overflow = true;
            return;
        }
        if (len == rec.length) {
            rec = Arrays.copyOf(rec, Math.min(MAX_RECORD, rec.length * 2));
        }
        rec[len++] = b;
    }

    private void append(byte[] b, int from, int to) {
        int n = Math.min(to - from, MAX_RECORD - len);
        if (n < to - from) {
            overflow = true;
        }
        if (len + n > rec.length) {
            rec = Arrays.copyOf(rec, Math.min(MAX_RECORD, Math.max(rec.length * 2, len + n)));
        }
        System.arraycopy(b, from, rec, len, n);
        len += n;
    }

    private int trimEnd(int n) {
        while (n > 0 && (rec[n - 1] == ' ' || rec[n - 1] == '\t' || rec[n - 1] == '\r' || rec[n - 1] == '\n')) {
            n--;
        }
        return n;
    }

    private void emit(Kind k, String problem) throws IOException {
        int n = trimEnd(len);
        byte[] bytes = Arrays.copyOf(rec, n);
        recording = false;
        sniffing = false;
        keyStart = -1;
        len = 0;
        handler.piece(k, recLine, bytes, problem);
    }
}

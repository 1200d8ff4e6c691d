package io.sealtrail.sources.mapped;

import io.sealtrail.sources.LineReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records over a {@link LineReader}: fields split at the separator, double quotes around a field that
 * holds separators, quotes ("" inside) or line breaks. A quoted field may span lines; a record is never held
 * past {@link LineReader#MAX_LINE} bytes.
 */
final class CsvRecords {
    private final LineReader lines;
    private final char separator;
    private final ByteArrayOutputStream raw = new ByteArrayOutputStream();
    private long firstLine;
    private List<String> fields;
    private String problem;

    CsvRecords(LineReader lines, char separator) {
        this.lines = lines;
        this.separator = separator;
    }

    /** Advances to the next record that is not a blank line; false at the end. */
    boolean next() throws IOException {
        raw.reset();
        fields = null;
        problem = null;
        do {
            if (!lines.next()) {
                return false;
            }
        } while (lines.blank());
        firstLine = lines.number();
        raw.write(lines.buffer(), 0, lines.length());
        if (lines.cut()) {
            problem = "line longer than " + LineReader.MAX_LINE + " bytes, cut there";
            return true;
        }
        while (true) {
            String text = raw.toString(StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            int state = split(text, out);
            if (state == 0) {
                fields = out;
                return true;
            }
            if (state < 0) {
                problem = "a quoted field is followed by text before the next separator";
                return true;
            }
            // inside quotes at the end of the line: the field goes on on the next line
            if (!lines.next()) {
                problem = "a quoted field is not closed before the end of the file";
                return true;
            }
            raw.write('\n');
            raw.write(lines.buffer(), 0, lines.length());
            if (lines.cut() || raw.size() > LineReader.MAX_LINE) {
                problem = "record longer than " + LineReader.MAX_LINE + " bytes";
                return true;
            }
        }
    }

    /** @return 0 when the text is whole records' worth of fields, 1 when it ends inside quotes, -1 when bad */
    private int split(String s, List<String> out) {
        StringBuilder f = new StringBuilder();
        int i = 0;
        int n = s.length();
        while (true) {
            f.setLength(0);
            if (i < n && s.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        return 1;
                    }
                    char c = s.charAt(i++);
                    if (c == '"') {
                        if (i < n && s.charAt(i) == '"') {
                            f.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        f.append(c);
                    }
                }
                if (i < n && s.charAt(i) != separator) {
                    return -1;
                }
            } else {
                while (i < n && s.charAt(i) != separator) {
                    f.append(s.charAt(i++));
                }
            }
            out.add(f.toString());
            if (i >= n) {
                return 0;
            }
            i++; // the separator
        }
    }

    long line() {
        return firstLine;
    }

    /** The record's bytes as in the file (its lines joined by LF). */
    byte[] raw() {
        return raw.toByteArray();
    }

    /** The fields, or null when {@link #problem()} says why there are none. */
    List<String> fields() {
        return fields;
    }

    String problem() {
        return problem;
    }
}

package io.sealtrail.sources.auditd;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One line of audit.log: {@code [node=N ]type=T msg=audit(SECONDS.MILLIS:SERIAL): key=value ...}, optionally
 * followed by the ENRICHED part (after a 0x1D separator: {@code AUID="alice" UID="root"}, upper-case keys).
 *
 * @param node   the {@code node=} name auditd prepends when {@code name_format} is set, or null
 * @param time   the time exactly as written ("1700000000.123")
 * @param serial the event serial; records of one event share time and serial
 * @param fields every key=value of the record, the nested {@code msg='...'} of user-space records flattened in,
 *               hex-encoded strings decoded, "?" and "(null)" left out; enriched names under upper-case keys
 */
record AuditRecord(String node, String type, String time, String serial, Map<String, String> fields) {

    String id() {
        return time + ":" + serial;
    }

    String get(String key) {
        return fields.get(key);
    }

    /** The record, or null when the line is not an audit record. */
    static AuditRecord parse(byte[] buf, int len) {
        String s = new String(buf, 0, len, StandardCharsets.UTF_8);
        int i = 0;
        String node = null;
        if (s.startsWith("node=")) {
            int sp = s.indexOf(' ');
            if (sp < 6) {
                return null;
            }
            node = s.substring(5, sp);
            i = sp + 1;
        }
        if (!s.startsWith("type=", i)) {
            return null;
        }
        int typeEnd = s.indexOf(' ', i + 5);
        if (typeEnd < 0 || typeEnd == i + 5 || !s.startsWith(" msg=audit(", typeEnd)) {
            return null;
        }
        String type = s.substring(i + 5, typeEnd);
        for (int k = 0; k < type.length(); k++) {
            char c = type.charAt(k);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return null;
            }
        }
        int t = typeEnd + 11;
        int dot = digits(s, t);
        if (dot == t || dot >= s.length() || s.charAt(dot) != '.') {
            return null;
        }
        int colon = digits(s, dot + 1);
        if (colon == dot + 1 || colon >= s.length() || s.charAt(colon) != ':') {
            return null;
        }
        int close = digits(s, colon + 1);
        if (close == colon + 1 || !s.startsWith("):", close)) {
            return null;
        }
        Map<String, String> fields = new HashMap<>();
        boolean execve = type.equals("EXECVE");
        int sep = s.indexOf('\u001d', close + 2);
        parseFields(s, close + 2, sep < 0 ? s.length() : sep, fields, execve);
        if (sep >= 0) {
            parseFields(s, sep + 1, s.length(), fields, false);
        }
        return new AuditRecord(node, type, s.substring(t, colon), s.substring(colon + 1, close), fields);
    }

    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /**
     * key=value pairs separated by spaces. A word without '=' continues the previous unquoted value (auditd
     * writes {@code op=adding user}). A value glued to an upper-case enriched key without the 0x1D separator (as
     * some copies of audit.log lost it: {@code res=1AUID="bui"}) is split there.
     */
    static void parseFields(String s, int from, int to, Map<String, String> out, boolean execve) {
        int i = from;
        String lastUnquoted = null;
        while (i < to) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\u001d') {
                i++;
                continue;
            }
            int eq = i;
            while (eq < to && s.charAt(eq) != '=' && s.charAt(eq) != ' ') {
                eq++;
            }
            if (eq >= to || s.charAt(eq) == ' ') {
                if (lastUnquoted != null && out.get(lastUnquoted) != null) {
                    out.put(lastUnquoted, out.get(lastUnquoted) + " " + s.substring(i, eq));
                }
                i = eq;
                continue;
            }
            String key = s.substring(i, eq);
            i = eq + 1;
            if (i < to && (s.charAt(i) == '"')) {
                int end = s.indexOf('"', i + 1);
                end = end < 0 || end > to ? to : end;
                put(out, key, s.substring(i + 1, end));
                i = end + 1;
                lastUnquoted = null;
            } else if (i < to && s.charAt(i) == '\'') {
                int end = s.indexOf('\'', i + 1);
                end = end < 0 || end > to ? to : end;
                parseFields(s, i + 1, end, out, execve);
                i = end + 1;
                lastUnquoted = null;
            } else {
                int end = i;
                while (end < to && s.charAt(end) != ' ' && s.charAt(end) != '\u001d') {
                    end++;
                }
                int glued = gluedKey(s, i, end);
                if (glued > 0) {
                    end = glued;
                }
                String v = s.substring(i, end);
                if (hexEncoded(key, execve) && isHex(v)) {
                    v = unhex(v, key.equals("proctitle"));
                }
                put(out, key, v);
                i = end;
                lastUnquoted = key;
            }
        }
    }

    private static void put(Map<String, String> out, String key, String value) {
        if (value.equals("?") || value.equals("(null)")) {
            return;
        }
        out.putIfAbsent(key, value);
    }

    /** Where an upper-case KEY= starts inside an unquoted value [from, to), or -1. */
    private static int gluedKey(String s, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (s.charAt(i) != '=') {
                continue;
            }
            int k = i;
            while (k > from && (Character.isUpperCase(s.charAt(k - 1)) || s.charAt(k - 1) == '_')) {
                k--;
            }
            if (k > from && i - k >= 2) {
                return k;
            }
            return -1;
        }
        return -1;
    }

    /** Fields auditd writes hex-encoded, unquoted, when the value holds a space, a quote or a control character. */
    private static boolean hexEncoded(String key, boolean execve) {
        switch (key) {
            case "acct", "cmd", "exe", "comm", "proctitle", "cwd", "name", "key", "data":
                return true;
            default:
                if (!execve || key.length() < 2 || key.charAt(0) != 'a') {
                    return false;
                }
                for (int i = 1; i < key.length(); i++) {
                    if (!Character.isDigit(key.charAt(i))) {
                        return false;
                    }
                }
                return true;
        }
    }

    static boolean isHex(String v) {
        if (v.isEmpty() || v.length() % 2 != 0) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'F' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** Hex to UTF-8 text; the NULs between proctitle's arguments become spaces. */
    static String unhex(String v, boolean nulAsSpace) {
        byte[] b = new byte[v.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(v, 2 * i, 2 * i + 2, 16);
            if (nulAsSpace && b[i] == 0) {
                b[i] = ' ';
            }
        }
        return new String(b, StandardCharsets.UTF_8);
    }
}

package io.sealtrail.sources.syslog;

import io.sealtrail.model.Finding;
import io.sealtrail.sources.Head;
import io.sealtrail.sources.LineReader;
import io.sealtrail.sources.ReadContext;
import io.sealtrail.sources.RecordSink;
import io.sealtrail.sources.SourceFile;
import io.sealtrail.sources.SourceFormat;
import io.sealtrail.sources.SourceRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * auth.log / secure: syslog lines (RFC 3164, RFC 5424, rsyslog's RFC 3339 form) of OpenSSH, sudo, su and PAM as
 * logins, sessions and commands; other programs' lines as {@value AuthMessages#MESSAGE}. RFC 3164 times carry no
 * year and no zone: {@link YearClock} completes them and says so once per file (TIME_ASSUMED). Mapping:
 * docs/sources.md.
 */
public final class SyslogFormat implements SourceFormat {
    public static final String NAME = "syslog";
    private static final int HEAD_LINES = 20;

    private final AuthMessages messages = new AuthMessages(NAME);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "syslog auth.log / secure (RFC 3164 and 5424): OpenSSH, sudo, su and PAM logins, sessions and commands; "
                + "carries no integrity evidence";
    }

    /** The first line and at least 9 in 10 of the first 20 are syslog lines. */
    @Override
    public boolean recognizes(Head head) {
        return head.mostlyLines(HEAD_LINES, l -> SyslogLine.parse(l) != null);
    }

    @Override
    public void read(InputStream in, SourceFile file, ReadContext context, RecordSink sink) throws IOException {
        YearClock clock = new YearClock(context.year(), context.zone(), file.modified());
        LineReader lines = new LineReader(in);
        while (lines.next()) {
            if (lines.blank()) {
                continue;
            }
            long n = lines.number();
            if (lines.cut()) {
                sink.accept(SourceRecord.malformed(file.name(), n, lines.bytes(),
                        "line longer than " + LineReader.MAX_LINE + " bytes"));
                continue;
            }
            String text = new String(lines.buffer(), 0, lines.length(), StandardCharsets.UTF_8);
            SyslogLine l = SyslogLine.parse(text);
            if (l == null) {
                sink.accept(SourceRecord.malformed(file.name(), n, lines.bytes(),
                        "not a syslog line (no RFC 3164, RFC 5424 or RFC 3339 timestamp and host)"));
                continue;
            }
            Instant time = l.time();
            if (time == null) {
                try {
                    time = clock.complete(l, n);
                } catch (DateTimeException e) {
                    sink.accept(SourceRecord.malformed(file.name(), n, lines.bytes(),
                            "no such day in the year taken for it: " + l.timeText()));
                    continue;
                }
            }
            sink.accept(SourceRecord.of(file.name(), n, lines.bytes(), messages.map(l, time)));
        }
        Finding assumed = clock.finding(file.name());
        if (assumed != null) {
            context.findings().accept(assumed);
        }
    }
}

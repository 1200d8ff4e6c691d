package io.sealtrail.sources.sudoio;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.model.AuditEvent;
import io.sealtrail.sources.ReadContext;
import io.sealtrail.sources.SourceCheck;
import io.sealtrail.sources.SourcePlan;
import io.sealtrail.sources.SourceRecord;
import io.sealtrail.sources.Transcript;
import io.sealtrail.sources.Transcript.Kind;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sudo I/O log directories written for these tests in the layout of sudoers' iolog(5) and sudo's lib/iolog
 * (sources/src/test/resources/sudo-iolog): {@code plain} (legacy log header, an interactive shell with echo, a
 * Backspace, a window size change and a suspend), {@code gzip} (every file compressed as with compress_io, a
 * piped command's stdout and stderr; its log.json is sudo's own regress seed {@code log_json/ls.json},
 * github.com/sudo-project/sudo at 2e18923c, ISC licence) and {@code broken} (one timing line with a bad delay).
 */
class SudoIologTest {
    static final Instant START = Instant.ofEpochSecond(1584790549);

    static Path fixture(String name) {
        try {
            return Path.of(SudoIologTest.class.getResource("/sudo-iolog/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<SourceRecord> read(Path source) throws IOException {
        List<SourceRecord> out = new ArrayList<>();
        SourceCheck.read(source, SourcePlan.of(source, null), ReadContext.defaults(), out::add);
        return out;
    }

    static List<AuditEvent> events(List<SourceRecord> records) {
        return records.stream().filter(r -> !r.isMalformed()).map(SourceRecord::event).toList();
    }

    @Test
    void aFolderHoldingTimingAndLogIsDetectedItselfAndAsTheParentOfSeveral() throws IOException {
        SourcePlan one = SourcePlan.of(fixture("plain"), null);
        SourcePlan all = SourcePlan.of(fixture(""), null);

        assertThat(one.kind()).isEqualTo(SourcePlan.Kind.SUDO_IOLOG);
        assertThat(one.formatName()).isEqualTo(SudoIolog.NAME);
        assertThat(one.parts()).extracting(SourcePlan.Part::file).containsExactly("");
        assertThat(all.parts()).extracting(SourcePlan.Part::file).containsExactly("broken", "gzip", "plain");
    }

    @Test
    void eachLineTypedIsACommandWithBackspaceAppliedAndTheEchoLeftOut() throws IOException {
        List<AuditEvent> e = events(read(fixture("plain")));

        assertThat(e).extracting(AuditEvent::action)
                .containsExactly("session.start", "terminal.output", "command", "command");
        assertThat(e).extracting(AuditEvent::command).containsExactly(null, null, "whoami", "cat /etc/shadow");
    }

    @Test
    void theHeaderGivesWhoAsWhomAndWhenAndEachEventIsTimedByTheDelaysBeforeIt() throws IOException {
        List<AuditEvent> e = events(read(fixture("plain")));

        assertThat(e.get(0).time()).isEqualTo(START);
        assertThat(e.get(0).user().name()).isEqualTo("millert");
        assertThat(e.get(0).target().account()).isEqualTo("root");
        assertThat(e.get(0).reason()).contains("/bin/bash", "/dev/ttyp3");
        assertThat(e.get(2).time()).isEqualTo(START.plusNanos(412_000 + 180_000_000));
        assertThat(e).extracting(AuditEvent::sessionId).containsOnly("plain");
    }

    @Test
    void whatCameBackAfterACommandIsItsSessionOutputWithoutTerminalCodes() throws IOException {
        List<SourceRecord> r = read(fixture("plain"));

        assertThat(r.get(2).output()).isEqualTo("\r\nroot\r\nroot@xerxes:~# ");
        assertThat(r.get(3).output()).contains("daemon:*:19000");
    }

    @Test
    void gzipStreamsAndALogJsonHeaderAreRead() throws IOException {
        List<SourceRecord> r = read(fixture("gzip"));

        assertThat(r.get(0).file()).isEqualTo("log.json");
        assertThat(r.get(0).event().target().name()).isEqualTo("xerxes.sudo.ws");
        assertThat(r.get(0).event().reason()).contains("/bin/ls");
        assertThat(r).hasSize(2);
        assertThat(r.get(1).output()).contains("ChangeLog", "Permission denied");
    }

    @Test
    void aBrokenTimingLineIsOneMalformedRecordAndTheOthersAreKept() throws IOException {
        List<SourceRecord> r = read(fixture("broken"));

        assertThat(r.stream().filter(SourceRecord::isMalformed)).singleElement().satisfies(m -> {
            assertThat(m.file()).isEqualTo("timing");
            assertThat(m.line()).isEqualTo(3);
            assertThat(m.problem()).contains("delay \"zero.5\"");
        });
        assertThat(events(r)).extracting(AuditEvent::command).contains("id");
        assertThat(r.get(r.size() - 1).output()).contains("uid=0(root)");
    }

    @Test
    void theTranscriptIsRebuiltFromTheTimingRecordsAlone() throws IOException {
        List<SourceRecord> r = read(fixture("plain"));
        List<SudoIolog.Stretch> stretches = r.stream().filter(x -> x.file().equals("timing"))
                .map(x -> new SudoIolog.Stretch(x.event().time(), x.raw())).toList();

        Transcript t = SudoIolog.transcript("plain", START, stretches);

        assertThat(t.entries()).extracting(Transcript.Entry::kind)
                .containsExactly(Kind.OUTPUT, Kind.INPUT, Kind.OUTPUT, Kind.INPUT, Kind.OUTPUT);
        assertThat(t.entries().get(3).text()).isEqualTo("cat /etc/shadow");
        assertThat(t.entries().get(4).text()).contains("daemon:*").endsWith("root@xerxes:~# ");
        assertThat(t.elapsed(t.entries().get(1)).toNanos()).isEqualTo(412_000 + 180_000_000);
    }

    @Test
    void aStreamShorterThanItsTimingLineSaysIsMalformed(@TempDir Path dir) throws IOException {
        for (String f : List.of("log", "ttyin")) {
            java.nio.file.Files.copy(fixture("broken").resolve(f), dir.resolve(f));
        }
        java.nio.file.Files.writeString(dir.resolve("timing"), "4 0.1 2\n4 0.2 500\n");
        java.nio.file.Files.writeString(dir.resolve("ttyout"), "$ id");

        List<SourceRecord> r = read(dir);

        assertThat(r.stream().filter(SourceRecord::isMalformed)).singleElement()
                .satisfies(m -> assertThat(m.problem()).contains("ttyout holds 2 of the 500 bytes"));
    }
}

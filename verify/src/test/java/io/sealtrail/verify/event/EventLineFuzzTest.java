package io.sealtrail.verify.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sealtrail.model.FindingCode;
import io.sealtrail.testing.FuzzBounds;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the event line parser, the verifier's hottest reader of untrusted bytes (docs/testing.md, "Fuzzing").
 * It documents no exception at all: every line comes back as a {@link ParsedLine}, its problems being findings.
 * Jackson's reading of the same line ({@link JacksonEventLineParser}) is the oracle for what is a valid event.
 */
@Timeout(10) // per input; read by Jazzer as libFuzzer's -timeout too (docs/testing.md, "Fuzzing")
class EventLineFuzzTest {
    private static final Set<FindingCode> UNREADABLE = Set.of(FindingCode.LINE_MALFORMED, FindingCode.LINE_NOT_UTF8);

    @BeforeAll
    static void loadClasses() {
        byte[] line = "{}".getBytes(StandardCharsets.UTF_8);
        new EventLineParser().parse(line, 0, line.length);
    }

    @FuzzTest(maxDuration = "60s")
    void aLineIsReadAsJacksonReadsItAndNeverThrows(byte[] line) {
        FuzzBounds bounds = FuzzBounds.start(line.length);
        ParsedLine fast = new EventLineParser().parse(line, 0, line.length);
        bounds.check();

        ParsedLine reference = new JacksonEventLineParser().parse(line, 0, line.length);
        String shown = new String(line, StandardCharsets.UTF_8);
        assertThat(fast.event()).as("event of %s", shown).isEqualTo(reference.event());
        assertThat(unreadable(fast)).as("unreadable? %s%nfast: %s%njackson: %s", shown, fast.problems(),
                reference.problems()).isEqualTo(unreadable(reference));
    }

    private static boolean unreadable(ParsedLine p) {
        return p.problems().stream().anyMatch(x -> UNREADABLE.contains(x.code()));
    }
}

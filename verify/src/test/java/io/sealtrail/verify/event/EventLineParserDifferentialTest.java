package io.sealtrail.verify.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.model.FindingCode;
import io.sealtrail.verify.gen.BundleGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The hand-written parser (fast, allocation-free on the verifier's path) must read every line exactly as
 * Jackson's general JSON parser does: real generated lines, then the same lines mutated at random —
 * bytes flipped, inserted and deleted, JSON tokens spliced in, keys duplicated, values retyped.
 */
class EventLineParserDifferentialTest {
    private static final List<byte[]> LINES = new ArrayList<>();
    private static final String[] SPLICES = {"\"", "\\", ",", ":", "{", "}", "[", "]", "null", "true", "1e3", "-0",
        "01", "\\u00e9", "\\ud83d\\ude00", "\\x", " ", "\t", "\"seq\":1,", "\"x\":{\"y\":[1,2]},", "\u00e9", "\u0001"};

    @BeforeContainer
    static void lines() throws Exception {
        Path dir = Files.createTempDirectory("parser-diff");
        Path b = dir.resolve("b");
        new BundleGenerator().generate(b, BundleGenerator.Options.defaults(400, 5), n -> { });
        try (var s = Files.list(b.resolve("events"))) {
            for (Path f : s.toList()) {
                for (String line : Files.readString(f, StandardCharsets.UTF_8).split("\n")) {
                    LINES.add(line.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        deleteTree(dir);
    }

    @Provide
    Arbitrary<byte[]> mutatedLines() {
        Arbitrary<Integer> which = Arbitraries.integers().between(0, 399);
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 7);
        Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
        Arbitrary<Integer> value = Arbitraries.integers().between(0, 255);
        Arbitrary<String> splice = Arbitraries.of(SPLICES);
        return Combinators.combine(which, kind, where, value, splice).as((w, k, at, v, sp) -> {
            byte[] line = LINES.get(w % LINES.size());
            int pos = (int) (at * line.length);
            return switch (k) {
                case 0 -> line; // unchanged
                case 1 -> { // one byte flipped
                    byte[] c = line.clone();
                    if (c.length > 0) {
                        c[Math.min(pos, c.length - 1)] ^= (byte) Math.max(1, v);
                    }
                    yield c;
                }
                case 2 -> splice(line, pos, sp.getBytes(StandardCharsets.UTF_8), 0);
                case 3 -> splice(line, pos, new byte[0], 1 + v % 4); // bytes deleted
                case 4 -> splice(line, pos, sp.getBytes(StandardCharsets.UTF_8), 1); // a byte replaced
                case 6, 7 -> { // a token spliced where a value starts, so it lands in the grammar, not in a string
                    List<Integer> colons = new ArrayList<>();
                    for (int i = 0; i < line.length; i++) {
                        if (line[i] == ':') {
                            colons.add(i + 1);
                        }
                    }
                    int c = colons.isEmpty() ? pos : colons.get((int) (at * colons.size()) % colons.size());
                    yield splice(line, c, sp.getBytes(StandardCharsets.UTF_8), k == 7 ? 1 : 0);
                }
                default -> { // a known key duplicated at the top level
                    String s = new String(line, StandardCharsets.UTF_8);
                    yield s.replaceFirst("\\{\"seq\":", "{\"action\":\"x\",\"seq\":" + v + ",\"seq\":")
                            .getBytes(StandardCharsets.UTF_8);
                }
            };
        });
    }

    private static byte[] splice(byte[] line, int pos, byte[] insert, int remove) {
        int at = Math.min(pos, line.length);
        int cut = Math.min(remove, line.length - at);
        byte[] out = new byte[line.length - cut + insert.length];
        System.arraycopy(line, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(line, at + cut, out, at + insert.length, line.length - at - cut);
        return out;
    }

    private static final Set<FindingCode> UNREADABLE = Set.of(FindingCode.LINE_MALFORMED, FindingCode.LINE_NOT_UTF8);

    @Property(tries = 5000)
    void bothParsersReadEveryLineAlike(@ForAll("mutatedLines") byte[] line) {
        ParsedLine fast = new EventLineParser().parse(line, 0, line.length);
        ParsedLine reference = new JacksonEventLineParser().parse(line, 0, line.length);
        String shown = new String(line, StandardCharsets.UTF_8);
        assertThat(fast.event()).as("event of %s", shown).isEqualTo(reference.event());
        assertThat(unreadable(fast)).as("unreadable? %s\nfast: %s\njackson: %s", shown, fast.problems(),
                reference.problems()).isEqualTo(unreadable(reference));
        if (!unreadable(fast)) {
            assertThat(codes(fast)).as("codes of %s", shown).isEqualTo(codes(reference));
            assertThat(fast.seq()).isEqualTo(reference.seq());
            assertThat(fast.prev()).isEqualTo(reference.prev());
            assertThat(fast.time()).isEqualTo(reference.time());
        }
    }

    private static boolean unreadable(ParsedLine p) {
        return p.problems().stream().anyMatch(x -> UNREADABLE.contains(x.code()));
    }

    private static Set<FindingCode> codes(ParsedLine p) {
        return p.problems().stream().map(LineProblem::code).filter(c -> c != FindingCode.FIELD_MISSING)
                .collect(Collectors.toSet());
    }

    private static void deleteTree(Path p) throws IOException {
        try (var walk = Files.walk(p)) {
            for (Path x : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}

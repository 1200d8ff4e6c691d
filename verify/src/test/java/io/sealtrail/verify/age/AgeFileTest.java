package io.sealtrail.verify.age;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sealtrail.verify.age.AgeFile.AgeException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** age v1 with X25519 recipients: round trips, refusals by kind, and the reference tool reading and writing with us. */
class AgeFileTest {
    private static final AgeKeys.Identity ALICE = AgeKeys.Identity.generate();
    private static final AgeKeys.Identity BOB = AgeKeys.Identity.generate();

    @TempDir
    Path tmp;

    private static byte[] plain(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    private static byte[] encrypt(byte[] data, AgeKeys.Recipient... to) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream enc = AgeFile.encrypt(out, List.of(to))) {
            // written in odd pieces, so chunk boundaries fall inside writes
            for (int i = 0; i < data.length; i += 7919) {
                enc.write(data, i, Math.min(7919, data.length - i));
            }
        }
        return out.toByteArray();
    }

    private static byte[] decrypt(byte[] file, AgeKeys.Identity... with) throws IOException {
        try (InputStream in = AgeFile.decrypt(new ByteArrayInputStream(file), List.of(with))) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 65_535, 65_536, 65_537, 200_000})
    void whatIsEncryptedToTwoRecipientsDecryptsExactlyWithEither(int size) throws IOException {
        byte[] data = plain(size);
        byte[] file = encrypt(data, ALICE.recipient(), BOB.recipient());
        assertThat(decrypt(file, ALICE)).isEqualTo(data);
        assertThat(decrypt(file, BOB)).isEqualTo(data);
    }

    @Test
    void anotherKeyIsToldItIsNotARecipient() throws IOException {
        byte[] file = encrypt(plain(10), ALICE.recipient());
        assertThatThrownBy(() -> decrypt(file, BOB)).isInstanceOfSatisfying(AgeException.class,
                e -> assertThat(e.kind()).isEqualTo(AgeException.Kind.NO_IDENTITY))
                .hasMessageContaining("not encrypted to the key given (it has 1 X25519 recipient(s)");
    }

    @Test
    void aFlippedPayloadByteIsAltered() throws IOException {
        byte[] file = encrypt(plain(100_000), ALICE.recipient());
        file[file.length - 30_000] ^= 1;
        assertThatThrownBy(() -> decrypt(file, ALICE)).isInstanceOfSatisfying(AgeException.class,
                e -> assertThat(e.kind()).isEqualTo(AgeException.Kind.ALTERED)).hasMessageContaining("chunk 1");
    }

    @Test
    void aChangedHeaderIsAlteredEvenThoughTheFileKeyUnwraps() throws IOException {
        byte[] file = encrypt(plain(10), ALICE.recipient());
        String text = new String(file, StandardCharsets.ISO_8859_1);
        // a grease stanza slipped in after the fact: the MAC covers every header byte
        String changed = text.replaceFirst("\n---", "\n-> extra-stanza x\n\n---");
        assertThatThrownBy(() -> decrypt(changed.getBytes(StandardCharsets.ISO_8859_1), ALICE))
                .isInstanceOfSatisfying(AgeException.class,
                        e -> assertThat(e.kind()).isEqualTo(AgeException.Kind.ALTERED))
                .hasMessageContaining("header was changed");
    }

    @Test
    void aFileCutAtAChunkBoundaryIsTruncatedNotComplete() throws IOException {
        byte[] file = encrypt(plain(150_000), ALICE.recipient());
        int header = headerLength(file) + 16;
        byte[] cut = Arrays.copyOf(file, header + 2 * (65_536 + 16));
        assertThatThrownBy(() -> decrypt(cut, ALICE)).isInstanceOfSatisfying(AgeException.class,
                e -> assertThat(e.kind()).isEqualTo(AgeException.Kind.TRUNCATED)).hasMessageContaining("cut short");
    }

    @Test
    void aFileCutInsideAChunkDoesNotDecrypt() throws IOException {
        byte[] file = encrypt(plain(150_000), ALICE.recipient());
        byte[] cut = Arrays.copyOf(file, file.length - 100);
        assertThatThrownBy(() -> decrypt(cut, ALICE)).isInstanceOf(AgeException.class)
                .hasMessageContaining("cut short");
    }

    @Test
    void somethingElseIsNotAnAgeFile() {
        assertThatThrownBy(() -> decrypt("PK\u0003\u0004 a zip".getBytes(StandardCharsets.ISO_8859_1), ALICE))
                .isInstanceOfSatisfying(AgeException.class, e -> assertThat(e.kind()).isEqualTo(AgeException.Kind.NOT_AGE))
                .hasMessageContaining("not an age-encrypted file");
    }

    @Test
    void keysReadBackAsWrittenAndAChangedCharacterFailsTheChecksum() {
        AgeKeys.Recipient r = ALICE.recipient();
        assertThat(AgeKeys.Recipient.parse(r.encode())).isEqualTo(r);
        assertThat(AgeKeys.Identity.parseFile("# created: now\n" + ALICE.encode() + "\n").get(0).recipient()).isEqualTo(r);
        String s = r.encode();
        String changed = s.substring(0, 10) + (s.charAt(10) == 'q' ? 'p' : 'q') + s.substring(11);
        assertThatThrownBy(() -> AgeKeys.Recipient.parse(changed)).hasMessageContaining("wrong checksum");
    }

    // ---- the reference implementation (Debian's age; skipped where it is not installed) ----

    @Test
    void theReferenceToolDecryptsWhatWeEncrypt() throws Exception {
        assumeTrue(tool("age", "--version"), "age is not installed");
        byte[] data = plain(150_000);
        Path key = Files.writeString(tmp.resolve("key.txt"), ALICE.encode() + "\n");
        Path enc = Files.write(tmp.resolve("data.age"), encrypt(data, BOB.recipient(), ALICE.recipient()));
        Path dec = tmp.resolve("data");
        assertThat(tool("age", "-d", "-i", key.toString(), "-o", dec.toString(), enc.toString())).isTrue();
        assertThat(Files.readAllBytes(dec)).isEqualTo(data);
    }

    @Test
    void weDecryptWhatTheReferenceToolEncryptsWithItsOwnKeys() throws Exception {
        assumeTrue(tool("age-keygen", "--version"), "age is not installed");
        Path key = tmp.resolve("key.txt");
        assertThat(tool("age-keygen", "-o", key.toString())).isTrue();
        List<AgeKeys.Identity> ids = AgeKeys.Identity.parseFile(Files.readString(key));
        Path in = Files.write(tmp.resolve("data"), plain(70_000));
        Path enc = tmp.resolve("data.age");
        assertThat(tool("age", "-r", ids.get(0).recipient().encode(), "-o", enc.toString(), in.toString())).isTrue();
        assertThat(decrypt(Files.readAllBytes(enc), ids.get(0))).isEqualTo(Files.readAllBytes(in));
        Process p = new ProcessBuilder("age-keygen", "-y", key.toString()).start();
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip())
                .isEqualTo(ids.get(0).recipient().encode());
    }

    private static boolean tool(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException notInstalled) {
            return false;
        }
    }

    private static int headerLength(byte[] file) {
        String t = new String(file, StandardCharsets.ISO_8859_1);
        int mac = t.indexOf("\n--- ");
        return t.indexOf('\n', mac + 1) + 1;
    }
}

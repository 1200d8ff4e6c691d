package io.sealtrail.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.cli.CliTest.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two exports of one log that agree up to leaf 800 and differ after it: whichever the auditor verifies or
 * imports first, the second shows the fork (issue 11, item 5), also across cases.
 */
class ForkCliTest {
    @TempDir
    static Path shared;
    static Path a;
    static Path b;
    static String vkey;

    @TempDir
    Path home;

    @BeforeAll
    static void generate() {
        Path base = shared.resolve("base.zip");
        ok(CliTest.run("gen", "--events", "800", "--seed", "21", "--checkpoint-every", "200", "--out", base.toString()));
        a = shared.resolve("a.zip");
        b = shared.resolve("b.zip");
        ok(CliTest.run("gen", "--events", "200", "--seed", "31", "--checkpoint-every", "200", "--previous",
                base.toString(), "--out", a.toString()));
        ok(CliTest.run("gen", "--events", "700", "--seed", "32", "--checkpoint-every", "200", "--previous",
                base.toString(), "--out", b.toString()));
        vkey = shared.resolve("base.zip.vkey").toString();
    }

    @BeforeEach
    void ownHome() {
        System.setProperty("sealtrail.home", home.toString());
    }

    @AfterEach
    void noHome() {
        System.clearProperty("sealtrail.home");
    }

    @Test
    void theSecondOfTwoForkedExportsFailsWithLogForked() {
        assertThat(CliTest.run("trust", "add", vkey).exit()).isZero();
        assertThat(CliTest.run("verify", a.toString()).exit()).isZero();
        Run second = CliTest.run("verify", b.toString());
        assertThat(second.exit()).as(second.out()).isEqualTo(1);
        assertThat(second.out()).contains("LOG_FORKED", "checkpoints/1000.checkpoint", a.getFileName().toString());
    }

    @Test
    void forkedExportsImportedIntoTwoCasesAreCaught() {
        Run first = CliTest.run("import", a.toString(), "--case", home.resolve("case-1").toString(), "--trust", vkey);
        assertThat(first.exit()).as(first.out() + first.err()).isZero();
        Run second = CliTest.run("import", b.toString(), "--case", home.resolve("case-2").toString(), "--trust", vkey);
        assertThat(second.exit()).as(second.out() + second.err()).isEqualTo(1);
        Run seen = CliTest.run("trust", "seen");
        assertThat(seen.exit()).isZero();
        assertThat(seen.out()).contains("gateway.example.com/prod-audit: 5 checkpoint(s), tree sizes 1,000 to 1,500",
                "imported into case case-1", "imported into case case-2");
    }

    @Test
    void withoutTheTrustStoreNothingIsComparedOrRemembered() {
        assertThat(CliTest.run("verify", a.toString(), "--trust", vkey).exit()).isZero();
        assertThat(CliTest.run("verify", b.toString(), "--trust", vkey, "--no-trust-store").exit()).isZero();
        assertThat(CliTest.run("verify", b.toString(), "--trust", vkey).exit()).isEqualTo(1);
        assertThat(CliTest.run("trust", "seen", "--forget", "gateway.example.com/prod-audit").out())
                .contains("Forgot 5 checkpoint(s)");
        assertThat(CliTest.run("verify", b.toString(), "--trust", vkey).exit()).isZero();
    }

    private static void ok(Run r) {
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
    }
}

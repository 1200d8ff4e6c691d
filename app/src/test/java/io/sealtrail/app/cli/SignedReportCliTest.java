package io.sealtrail.app.cli;

import static io.sealtrail.app.cli.CliTest.ok;
import static io.sealtrail.app.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.cli.CliTest.Run;
import io.sealtrail.model.FindingCode;
import io.sealtrail.tools.tsa.LoopbackTsaServer;
import io.sealtrail.tools.tsa.TestTimestampAuthority;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'sealtrail report key', 'report --sign-key' and 'report verify --signer' as an auditor runs them (docs/reports.md). */
class SignedReportCliTest {
    @TempDir
    static Path dir;
    static Path vkey;
    static Path caseDir;
    static Path keys;
    static Path signed;
    static Run signing;
    static String fingerprint;

    @BeforeAll
    static void signedReportOfACase() {
        System.setProperty("sealtrail.home", dir.resolve("home").toString());
        CliTest.CitedCase cited = CliTest.citedCase(dir, 600, 31, 200);
        vkey = cited.vkey();
        caseDir = cited.caseDir();
        keys = dir.resolve("keys");
        Run key = ok("report", "key", "--out", keys.toString(), "--name", "Zoë Müller");
        fingerprint = key.out().lines().filter(l -> l.startsWith("SHA-256")).findFirst().orElseThrow().split("\\s+")[1];
        signed = dir.resolve("out/signed.pdf");
        signing = ok("report", "--case", caseDir.toString(), "--out", signed.toString(), "--trust", vkey.toString(),
                "--no-trust-store", "--sign-key", keys.resolve("report-signing.pem").toString());
    }

    @AfterAll
    static void clearHome() {
        System.clearProperty("sealtrail.home");
    }


    @Test
    void aSignedReportVerifiesUnderItsCertificateAndNamesTheSigner() {
        assertThat(signing.out()).contains("Signed as PAdES B-B by CN=Zoë Müller (certificate SHA-256 " + fingerprint + ")");
        Run r = run("report", "verify", signed.toString(), "--vkey", vkey.toString(), "--signer",
                keys.resolve("report-signing.crt").toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(SealtrailCommand.EXIT_VERIFIED);
        assertThat(r.out()).contains("PAdES B-B by CN=Zoë Müller, certificate SHA-256 " + fingerprint)
                .contains("the signature holds");
    }

    @Test
    void aSignedReportCheckedAgainstAnotherCertificateExitsOne() {
        Path other = dir.resolve("other-keys");
        ok("report", "key", "--out", other.toString(), "--name", "Zoë Müller");
        Run r = run("report", "verify", signed.toString(), "--vkey", vkey.toString(), "--signer",
                other.resolve("report-signing.crt").toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(SealtrailCommand.EXIT_INTEGRITY);
        assertThat(r.out()).contains(FindingCode.REPORT_SIGNER_MISMATCH.name()).contains("found CN=Zoë Müller (SHA-256 "
                + fingerprint + ")");
    }

    @Test
    void aReportSignedWithATimestampAuthorityIsBaselineT() throws Exception {
        try (LoopbackTsaServer tsa = LoopbackTsaServer.start(TestTimestampAuthority.forLog("report-cli"), Clock.systemUTC())) {
            Path chain = dir.resolve("tsa-chain.pem");
            Files.writeString(chain, tsa.authority().chainPem());
            Path pdf = dir.resolve("out/b-t.pdf");
            Run signedT = ok("report", "--case", caseDir.toString(), "--out", pdf.toString(), "--trust", vkey.toString(),
                    "--no-trust-store", "--sign-key", keys.resolve("report-signing.pem").toString(), "--tsa",
                    tsa.url().toString(), "--tsa-chain", chain.toString());
            assertThat(signedT.out()).contains("Signed as PAdES B-T by CN=Zoë Müller");
            Run r = run("report", "verify", pdf.toString(), "--vkey", vkey.toString(), "--signer",
                    keys.resolve("report-signing.crt").toString(), "--trust-tsa", chain.toString());
            assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(SealtrailCommand.EXIT_VERIFIED);
            assertThat(r.out()).contains("PAdES B-T by CN=Zoë Müller").contains("by CN=Sealtrail Test TSA");
        }
    }

    @Test
    void aTimestampWithoutASigningKeyIsAUsageError() {
        Run r = run("report", "--case", caseDir.toString(), "--out", dir.resolve("out/t.pdf").toString(), "--tsa",
                "http://127.0.0.1:9/tsr");
        assertThat(r.exit()).isEqualTo(SealtrailCommand.EXIT_USAGE);
        assertThat(r.err()).contains("--tsa timestamps the report's signature: give the signing key with --sign-key");
        assertThat(Files.exists(dir.resolve("out/t.pdf"))).isFalse();
    }

    @Test
    void reportKeyNeverReplacesAKey() throws Exception {
        byte[] before = Files.readAllBytes(keys.resolve("report-signing.pem"));
        Run r = run("report", "key", "--out", keys.toString(), "--name", "Mallory");
        assertThat(r.exit()).isEqualTo(SealtrailCommand.EXIT_USAGE);
        assertThat(r.err()).contains("already exists: a signing key is never replaced");
        assertThat(Files.readAllBytes(keys.resolve("report-signing.pem"))).isEqualTo(before);
    }
}

package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The standard redaction profile, a profile file, and a hit as an export shows it. */
class RedactionTest {
    @TempDir
    Path dir;

    private static String standard(String text) {
        return Redaction.standard().apply(text, new Redaction.Counts());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "mysql -uroot -pS3cretPass orders|mysql -uroot -p[REDACTED:password-option] orders",
            "psql --password=hunter2 -h db|psql --password=[REDACTED:password-option] -h db",
            "PGPASSWORD=pa55word psql -h db|PGPASSWORD=[REDACTED:password-variable] psql -h db",
            "export API_TOKEN=abc123def|export API_TOKEN=[REDACTED:password-variable]",
            "curl -H 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.x' x|"
                    + "curl -H 'Authorization: Bearer [REDACTED:bearer-token]' x",
            "aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE|"
                    + "aws configure set aws_access_key_id [REDACTED:aws-access-key]",
            "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY|"
                    + "aws_secret_access_key = [REDACTED:aws-secret]",
            "login by zoe.mueller@example.ch from 10.0.0.5|login by [REDACTED:email] from [REDACTED:ipv4]",
            "from 2001:db8::1 and fe80:0:0:0:0:0:0:1|from [REDACTED:ipv6] and [REDACTED:ipv6]"})
    void theStandardProfileBlanksSecretsAndAddresses(String in, String out) {
        assertThat(standard(in)).isEqualTo(out);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "mysql -pS3cret|mysql -p[REDACTED:password-option]",
            "mysql -u root -p S3cret orders|mysql -u root -p [REDACTED:password-option] orders",
            "sudo mysqldump -h db -p'S3cret' shop|sudo mysqldump -h db -p'[REDACTED:password-option]' shop",
            "mariadb -psecretlower|mariadb -p[REDACTED:password-option]",
            "sshpass -p hunter2 ssh host|sshpass -p [REDACTED:password-option] ssh host",
            "psql --password hunter2|psql --password [REDACTED:password-option]",
            "backup-tool -pS3cret|backup-tool -p[REDACTED:password-option]"})
    void aPasswordOptionIsBlankedAfterAPasswordClientOrWhenItIsNotLettersAlone(String in, String out) {
        assertThat(standard(in)).isEqualTo(out);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"ls -pla /tmp", "tar -pxzf backup.tgz", "ls -la && mkdir -p x",
            "cp -pr a b"})
    void optionsThatStartWithPAreNotPasswords(String in) {
        assertThat(standard(in)).isEqualTo(in);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"mkdir -p /var/log/app", "at 10:14:31 on 2026-03-02", "version 1.2.3",
            "SELECT count(*) FROM payments", "ssh -p 2222 host"})
    void ordinaryTextIsLeftAsItIs(String in) {
        assertThat(standard(in)).isEqualTo(in);
    }

    @Test
    void everyReplacementIsCountedByRule() {
        Redaction.Counts counts = new Redaction.Counts();
        Redaction.standard().apply("a@b.example c@d.example 10.0.0.1", counts);
        assertThat(counts.byRule()).containsEntry("email", 2L).containsEntry("ipv4", 1L);
        assertThat(counts.total()).isEqualTo(3);
        assertThat(counts).hasToString("email 2, ipv4 1");
    }

    @Test
    void aProfileFileExtendsTheStandardRulesAndIsNamedByItsRules() throws IOException {
        Path f = Files.writeString(dir.resolve("bank.profile"), "# ours\ninclude standard\n"
                + "iban = \\bCH\\d{2}(?: ?\\d{4}){4} ?\\d\\b\n");
        Redaction p = Redaction.read(f);
        assertThat(p.apply("to CH93 0076 2011 6238 5295 7 by a@b.example", new Redaction.Counts()))
                .isEqualTo("to [REDACTED:iban] by [REDACTED:email]");
        assertThat(p.sha256()).hasSize(64).isNotEqualTo(Redaction.standard().sha256());
        assertThat(Redaction.read(f).sha256()).isEqualTo(p.sha256());
    }

    @Test
    void aBadRuleIsRefusedNamingItsLine() throws IOException {
        Path f = Files.writeString(dir.resolve("bad.profile"), "ok = x\nbroken = (unclosed\n");
        assertThatThrownBy(() -> Redaction.read(f)).isInstanceOf(IOException.class)
                .hasMessageContaining("bad.profile line 2: broken is not a regular expression");
    }

    @Test
    void aHitKeepsItsIdsTimeAndHashWhileItsTextsAreRedacted() {
        Hit h = new Hit("b1", 4, 4, Instant.parse("2026-03-02T10:00:00Z"), "command", "success", "zoe@example.ch",
                "host", "10.1.2.3", "s-1", "mysql -pS3cret", null, Integrity.VERIFIED, "ab12", "events/0.jsonl", 5,
                "{\"user\":\"zoe@example.ch\"}", false, "sealtrail", Map.of("source.ip", List.of("10.9.9.9")));
        Hit r = Redaction.standard().apply(h, new Redaction.Counts());
        assertThat(r.userName()).isEqualTo("[REDACTED:email]");
        assertThat(r.targetName()).isEqualTo("[REDACTED:ipv4]");
        assertThat(r.command()).isEqualTo("mysql -p[REDACTED:password-option]");
        assertThat(r.raw()).doesNotContain("zoe@");
        assertThat(r.fields().get("source.ip")).containsExactly("[REDACTED:ipv4]");
        assertThat(List.of(r.bundleId(), r.seq(), r.time(), r.entryHash(), r.sessionId()))
                .isEqualTo(List.of(h.bundleId(), h.seq(), h.time(), h.entryHash(), h.sessionId()));
    }
}

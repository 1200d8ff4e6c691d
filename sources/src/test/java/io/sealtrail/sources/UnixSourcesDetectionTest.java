package io.sealtrail.sources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every auditd, syslog and sudo sample is recognised by exactly one registered format: its own. */
class UnixSourcesDetectionTest {

    @ParameterizedTest
    @CsvSource({
        "/auditd/login-sudo.log, auditd",
        "/auditd/auditd-suid-crash.log, auditd",
        "/auditd/auditd-base64-exec.log, auditd",
        "/auditd/auditd-postexploit-rm.log, auditd",
        "/syslog/auth-newyear.log, syslog",
        "/syslog/sshd-logs.log, syslog",
        "/syslog/sshd-success-logs.log, syslog",
        "/syslog/pam-logs.log, syslog",
        "/syslog/opnsense-sshd.log, syslog",
        "/syslog/ssh-time-based-bf.log, syslog",
        "/sudo-json/eventlog.json, sudo-json",
        "/sudo-json/eventlog_store-test1.json, sudo-json",
        "/sudo-json/iolog-id.json, sudo-json",
        "/sudo-json/iolog-make.json, sudo-json",
    })
    void exactlyOneFormatRecognisesEachSample(String resource, String format) {
        Head head = FormatRun.head(resource);
        assertThat(SourceFormats.all().stream().filter(f -> f.recognizes(head)).map(SourceFormat::name))
                .containsExactly(format);
    }
}

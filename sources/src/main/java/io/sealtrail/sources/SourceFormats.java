package io.sealtrail.sources;

import io.sealtrail.sources.asciicast.AsciicastFormat;
import io.sealtrail.sources.auditd.AuditdFormat;
import io.sealtrail.sources.cloudtrail.CloudTrailFormat;
import io.sealtrail.sources.hoop.HoopFormat;
import io.sealtrail.sources.kubernetes.KubernetesAuditFormat;
import io.sealtrail.sources.mapped.MappedFormat;
import io.sealtrail.sources.sudo.SudoJsonFormat;
import io.sealtrail.sources.syslog.SyslogFormat;
import io.sealtrail.sources.teleport.TeleportFormat;
import java.util.List;
import java.util.Optional;

/**
 * Every format Sealtrail reads besides its own bundles, in the order detection tries them (most specific
 * first). One list, so {@code sealtrail formats}, {@code --format} and detection cannot disagree.
 */
public final class SourceFormats {
    private static final List<SourceFormat> ALL = List.of(
            new CloudTrailFormat(),
            new KubernetesAuditFormat(),
            new TeleportFormat(),
            new HoopFormat(),
            new AsciicastFormat(),
            new SudoJsonFormat(),
            new AuditdFormat(),
            new SyslogFormat(),
            new MappedFormat());

    private SourceFormats() {
    }

    public static List<SourceFormat> all() {
        return ALL;
    }

    public static Optional<SourceFormat> named(String name) {
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The first format that recognises the head, if any. */
    public static Optional<SourceFormat> recognize(Head head) {
        return ALL.stream().filter(f -> f.recognizes(head)).findFirst();
    }
}

package io.sealtrail.sources.kubernetes;

import io.sealtrail.model.AuditEvent;
import io.sealtrail.model.AuditEvent.Outcome;
import io.sealtrail.sources.Head;
import io.sealtrail.sources.LineReader;
import io.sealtrail.sources.ReadContext;
import io.sealtrail.sources.RecordSink;
import io.sealtrail.sources.SourceFile;
import io.sealtrail.sources.SourceFormat;
import io.sealtrail.sources.SourceRecord;
import io.sealtrail.sources.Times;
import io.sealtrail.sources.jsonl.FirstObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Kubernetes API-server audit logs: audit.k8s.io/v1 (and v1beta1) Event objects, one per line, as the log
 * backend writes them. The stages of one request (RequestReceived, ResponseStarted, ResponseComplete, Panic)
 * are folded into one event per auditID. Mapping and decisions: docs/sources.md.
 */
public final class KubernetesAuditFormat implements SourceFormat {
    public static final String NAME = "kubernetes-audit";
    /** Requests whose final stage has not been seen yet; the oldest is emitted as it stands beyond this. */
    static final int MAX_PENDING = 4096;
    /** The raw bytes those pending requests may hold together. */
    static final long MAX_PENDING_BYTES = 64L << 20;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Kubernetes API-server audit log (audit.k8s.io/v1 Event JSON Lines); no integrity evidence";
    }

    @Override
    public boolean recognizes(Head head) {
        Map<String, String> f = FirstObject.scalars(head, Set.of("kind", "apiVersion"));
        String v = f.get("apiVersion");
        return "Event".equals(f.get("kind")) && ("audit.k8s.io/v1".equals(v) || "audit.k8s.io/v1beta1".equals(v));
    }

    @Override
    public void read(InputStream in, SourceFile file, ReadContext context, RecordSink sink) throws IOException {
        new Folding(file.name(), sink).read(new LineReader(in));
    }

    /** One read: the pending requests, oldest first. */
    private static final class Folding {
        private final String file;
        private final RecordSink sink;
        private final KubeRequestParser parser = new KubeRequestParser();
        private final LinkedHashMap<String, Pending> pending = new LinkedHashMap<>();
        private long pendingBytes;

        Folding(String file, RecordSink sink) {
            this.file = file;
            this.sink = sink;
        }

        void read(LineReader lines) throws IOException {
            while (lines.next()) {
                if (lines.blank()) {
                    continue;
                }
                long n = lines.number();
                if (lines.cut()) {
                    sink.accept(SourceRecord.malformed(file, n, lines.bytes(),
                            "line longer than " + LineReader.MAX_LINE + " bytes, cut there"));
                    continue;
                }
                KubeRequest r;
                try {
                    r = parser.parse(lines.buffer(), lines.length());
                } catch (IOException e) {
                    sink.accept(SourceRecord.malformed(file, n, lines.bytes(), "not an audit Event: " + e.getMessage()));
                    continue;
                }
                fold(r, n, lines.bytes());
            }
            for (Pending p : pending.values()) {
                emit(p);
            }
            pending.clear();
        }

        private void fold(KubeRequest r, long line, byte[] raw) throws IOException {
            if (r.auditId == null || r.auditId.isEmpty() || r.stage == null) {
                emit(new Pending(r, line, raw)); // nothing to fold it with
                return;
            }
            Pending p = pending.get(r.auditId);
            if (p != null && p.has(r.stage)) {
                remove(p); // the same stage again: another request reusing the ID, or a copy; each stands alone
                emit(p);
                p = null;
            }
            if (p == null) {
                p = new Pending(r, line, raw);
            } else {
                remove(p);
                p.add(r, raw);
            }
            if (r.terminal()) {
                emit(p);
                return;
            }
            pending.put(r.auditId, p);
            pendingBytes += p.size();
            Iterator<Pending> oldest = pending.values().iterator();
            while (pending.size() > MAX_PENDING || pendingBytes > MAX_PENDING_BYTES) {
                Pending o = oldest.next();
                oldest.remove();
                pendingBytes -= o.size();
                emit(o);
            }
        }

        private void remove(Pending p) {
            pending.remove(p.best.auditId);
            pendingBytes -= p.size();
        }

        private void emit(Pending p) throws IOException {
            Mapped m = map(p.best);
            byte[] raw = p.raw();
            sink.accept(m.problem() != null ? SourceRecord.malformed(file, p.firstLine, raw, m.problem())
                    : SourceRecord.of(file, p.firstLine, raw, m.event()));
        }
    }

    /** The stages of one auditID seen so far; {@code best} is the latest stage, filled from the earlier ones. */
    private static final class Pending {
        final long firstLine;
        private byte[] first;
        /** Only once a second stage comes: most requests are one line (omitStages: RequestReceived). */
        private ByteArrayOutputStream more;
        private final StringBuilder stages = new StringBuilder();
        KubeRequest best;

        Pending(KubeRequest r, long line, byte[] bytes) {
            firstLine = line;
            best = r;
            first = bytes;
            stages.append(r.stage).append(' ');
        }

        boolean has(String stage) {
            return stages.indexOf(stage + " ") >= 0;
        }

        int size() {
            return more == null ? first.length : more.size();
        }

        byte[] raw() {
            return more == null ? first : more.toByteArray();
        }

        void add(KubeRequest r, byte[] bytes) {
            if (more == null) {
                more = new ByteArrayOutputStream(first.length + bytes.length + 1);
                more.writeBytes(first);
                first = null;
            }
            more.write('\n');
            more.writeBytes(bytes);
            stages.append(r.stage).append(' ');
            if (r.rank() >= best.rank()) {
                r.fillFrom(best);
                best = r;
            } else {
                best.fillFrom(r);
            }
        }
    }

    /** A request in the event model, or why it cannot be one. */
    record Mapped(AuditEvent event, String problem) {
    }

    static Mapped map(KubeRequest r) {
        if (r.kind != null && !r.kind.equals("Event")) {
            return new Mapped(null, "kind \"" + r.kind + "\" is not an audit Event");
        }
        if (r.verb == null || r.verb.isEmpty()) {
            return new Mapped(null, "no verb");
        }
        String t = timeText(r);
        if (t == null) {
            return new Mapped(null, "no requestReceivedTimestamp, stageTimestamp or timestamp");
        }
        Instant time = Times.rfc3339(t);
        if (time == null) {
            return new Mapped(null, "time \"" + t + "\" is not an RFC 3339 time with a zone");
        }
        if (r.code == null && !"Panic".equals(r.stage)) {
            return new Mapped(null, "no responseStatus.code" + (r.stage == null ? ""
                    : " (last stage seen: " + r.stage + ")") + ": the outcome is unknown");
        }
        return new Mapped(event(r, t, time), null);
    }

    /** When the request was received, the same in every stage; older logs only have the stage's time. */
    private static String timeText(KubeRequest r) {
        if (r.requestReceivedTimestamp != null) {
            return r.requestReceivedTimestamp;
        }
        return r.stageTimestamp != null ? r.stageTimestamp : r.timestamp;
    }

    static Outcome outcome(KubeRequest r) {
        if (r.code == null) {
            return Outcome.FAILURE; // a Panic without a response status: the server failed the request
        }
        if (r.code == 401 || r.code == 403) {
            return Outcome.DENIED;
        }
        return r.code >= 400 ? Outcome.FAILURE : Outcome.SUCCESS;
    }

    private static AuditEvent event(KubeRequest r, String t, Instant time) {
        String reason = r.statusMessage != null && !r.statusMessage.isEmpty() ? r.statusMessage
                : r.authorizationReason != null && !r.authorizationReason.isEmpty() ? r.authorizationReason
                : r.statusReason;
        String targetName = r.resource == null ? path(r.requestUri)
                : r.resource + (r.name == null || r.name.isEmpty() ? "" : "/" + r.name);
        return new AuditEvent(-1, time, t, null, KubectlLine.action(r), outcome(r), reason,
                r.username == null && r.uid == null && r.groups.isEmpty() ? null
                        : new AuditEvent.Actor(r.username, r.uid, r.groups),
                null,
                r.sourceIp == null && r.userAgent == null ? null : new AuditEvent.Source(r.sourceIp, null, r.userAgent),
                new AuditEvent.Target(AuditEvent.TargetKind.KUBERNETES, targetName, r.impersonatedUsername,
                        r.namespace == null || r.namespace.isEmpty() ? null : r.namespace),
                null, KubectlLine.command(r), null, NAME);
    }

    private static String path(String uri) {
        if (uri == null) {
            return null;
        }
        int q = uri.indexOf('?');
        return q < 0 ? uri : uri.substring(0, q);
    }
}

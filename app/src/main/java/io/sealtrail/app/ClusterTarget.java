package io.sealtrail.app;

import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseImporter;
import io.sealtrail.cases.ImportRecord;
import io.sealtrail.cases.ImportReplay;
import io.sealtrail.cases.SourceImporter;
import io.sealtrail.index.IndexTap;
import io.sealtrail.opensearch.ClusterCases;
import io.sealtrail.opensearch.ClusterConnection;
import io.sealtrail.opensearch.ClusterImport;
import io.sealtrail.opensearch.ClusterRecord;
import io.sealtrail.opensearch.ClusterSending;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.note.NoteSigner;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;

/**
 * The cluster an import sends a case's events to while it indexes them (docs/opensearch.md): the one the person named
 * ({@code --opensearch}), or the one the case lives in, so that importing more evidence does not move a team's case
 * off its cluster. For the CLI and the workbench alike: one per run of imports, closed after. A cluster that cannot
 * take the events never fails the import: the bundle stays imported locally, nothing is recorded for it in the
 * journal, and the {@link Outcome} says why.
 */
public final class ClusterTarget implements AutoCloseable {
    /** Bulk requests in flight per import, and events per request (docs/opensearch.md, "Back-pressure"). */
    static final int PARALLEL_REQUESTS = 2;
    static final int EVENTS_PER_REQUEST = 1000;

    private final ClusterConnection connection;
    private final String prefix;
    private final boolean home;
    private OpenSearchClient client;

    /**
     * @param prefix the prefix of the indices and the case's alias
     * @param home   whether this is the cluster the case already lives in (rather than one named for this run)
     */
    public ClusterTarget(ClusterConnection connection, String prefix, boolean home) {
        this.connection = connection;
        this.prefix = prefix;
        this.home = home;
    }

    /**
     * The cluster {@code c} lives in, when every import of it was sent to one, with the login the case recorded
     * ({@code login}); empty for a case that is (partly) local only, or new.
     */
    public static Optional<ClusterTarget> home(CaseFolder c, Function<URI, ClusterConnection> login)
            throws IOException {
        Optional<ClusterCases.Home> h = ClusterCases.home(c, c.bundles());
        return h.map(x -> new ClusterTarget(login.apply(x.url()), x.prefix(), true));
    }

    /** The cluster's URL. */
    public URI url() {
        return connection.url();
    }

    /** Whether the case already lives in this cluster. */
    public boolean home() {
        return home;
    }

    /**
     * Makes the client now, so that a login that cannot be used (a password file missing) stops the run before any
     * import; otherwise the first import finds out, and imports locally.
     */
    public void connect() throws IOException {
        client();
    }

    private synchronized OpenSearchClient client() throws IOException {
        if (client == null) {
            client = connection.client();
        }
        return client;
    }

    /** One import, run by the caller with the tap it is given (the sending, or none when the cluster is not there). */
    @FunctionalInterface
    public interface LocalImport<T> {
        T run(IndexTap tap) throws Exception;
    }

    /**
     * What one import did with the cluster.
     *
     * @param imported what the local import returned
     * @param sent     the journal entry recorded for it, or null when its events are not in the cluster
     * @param notSent  why they are not (the cluster's words), or null
     * @param took     the whole import, sending included
     */
    public record Outcome<T>(T imported, ClusterRecord sent, String notSent, Duration took) {
    }

    /**
     * Runs {@code local} with the sending of its events as its tap, then completes the sending and records it in the
     * case's journal. A failed or cancelled import deletes what it had sent and is thrown as it was; a cluster that
     * cannot be reached leaves the import local.
     *
     * @param idOf the bundle or source id the import gave
     */
    public <T> Outcome<T> importInto(CaseFolder c, NoteSigner auditor, Function<T, String> idOf, LocalImport<T> local)
            throws Exception {
        return send(c, auditor, idOf, local, true);
    }

    /**
     * Sends an import of the case that is not in this cluster yet: its evidence copy is indexed again as its import
     * did, with the sending as the tap, and held to the case's index ({@link ImportReplay}), then sent as
     * {@link #importInto} does. Its {@link Outcome#imported} is {@code r}.
     *
     * @throws ImportReplay.DifferentException when the evidence gives other events now than the import indexed (told
     *                                         other keys, another syslog year): nothing stays in the cluster
     */
    public Outcome<ImportRecord> resend(CaseFolder c, NoteSigner auditor, ImportRecord r, VerifyOptions bundleOptions,
                                        SourceImporter.Options sourceOptions, CaseImporter.Progress progress)
            throws Exception {
        return send(c, auditor, ImportRecord::bundleId, tap -> {
            ImportReplay.replay(c, r, bundleOptions, sourceOptions, progress, () -> false, tap);
            return r;
        }, false);
    }

    /** @param localWithout whether {@code local} runs without the cluster when it cannot be reached (an import) */
    private <T> Outcome<T> send(CaseFolder c, NoteSigner auditor, Function<T, String> idOf, LocalImport<T> local,
                                boolean localWithout) throws Exception {
        long start = System.nanoTime();
        ClusterSending sending;
        try {
            sending = new ClusterImport(client(), prefix, PARALLEL_REQUESTS, EVENTS_PER_REQUEST).begin(c.id());
        } catch (IOException | OpenSearchException e) {
            return new Outcome<>(localWithout ? local.run(IndexTap.NONE) : null, null, reason(e), since(start));
        }
        T done;
        try {
            done = local.run(sending);
        } catch (Exception | Error e) {
            sending.abandon(); // the import left nothing in the case; nothing of it stays in the cluster either
            throw e;
        }
        String id = idOf.apply(done);
        ClusterImport.Sent sent;
        try {
            sent = sending.finish(id, c.bundleDir(id).resolve("index"));
        } catch (IOException e) {
            return new Outcome<>(done, null, reason(e), since(start));
        }
        ClusterRecord r = new ClusterRecord(id, connection.url(), sent.index(), ClusterImport.caseAlias(prefix, c.id()),
                sent.events(), sent.entryHashes());
        r.append(c, auditor);
        return new Outcome<>(done, r, null, since(start));
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** In the cluster's words: a refused login, a missing permission or an untrusted certificate said plainly. */
    private String reason(Exception e) {
        return connection.explain(e);
    }

    @Override
    public synchronized void close() throws IOException {
        if (client != null) {
            client._transport().close();
            client = null;
        }
    }
}

package io.sealtrail.cases;

import io.sealtrail.index.Cursor;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.Hit;
import io.sealtrail.index.IndexBuilder;
import io.sealtrail.index.IndexException;
import io.sealtrail.index.IndexTap;
import io.sealtrail.index.Page;
import io.sealtrail.index.SortOrder;
import io.sealtrail.verify.BundleVerifier;
import io.sealtrail.verify.VerificationReport;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.bundle.BundleFormatException;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * An import done again from the case's own evidence copy, into a folder of its own, showing every event to a tap as
 * the import did: how a case's events reach another engine after their import (docs/opensearch.md, {@code case
 * send}), with the very documents the import would have sent, built by the same code. The evidence is only read.
 * What a replay gives depends on what it is told as the import was (a syslog year, a zone, CloudTrail keys) and on
 * the version of Sealtrail, so it is held to the case's own index: the same events, in the same order, alike in every
 * field, or it is refused.
 */
public final class ImportReplay {
    private static final int PAGE = 2_000;

    private ImportReplay() {
    }

    /**
     * Indexes import {@code r}'s evidence copy again, in a staging folder of the case (on the index's disk; removed
     * after), showing each event to {@code tap}, then checks that it holds what the case's index of it holds.
     *
     * @param bundleOptions how to verify a bundle again
     * @param sourceOptions how to read a source again (a syslog year, a zone, a mapping, CloudTrail keys)
     * @throws DifferentException when the replay gives other events than the import indexed, naming the first
     */
    public static void replay(CaseFolder c, ImportRecord r, VerifyOptions bundleOptions,
                              SourceImporter.Options sourceOptions, CaseImporter.Progress progress,
                              BooleanSupplier cancelled, IndexTap tap)
            throws IOException, BundleFormatException, IndexException {
        Path evidence = r.evidence(c.bundleDir(r.bundleId()));
        Path staging = c.newStaging();
        try {
            Path target = staging.resolve(CaseFolder.INDEX);
            if (r.isBundle()) {
                progress.update("verifying", 0, 1);
                VerificationReport report = new BundleVerifier().verify(evidence, bundleOptions,
                        (done, total) -> progress.update("verifying", done, total));
                IndexBuilder.build(evidence, report, target, (done, total) -> progress.update("indexing", done, total),
                        cancelled, Runtime.getRuntime().availableProcessors(), tap);
            } else {
                SourceImporter.replay(evidence, r, sourceOptions, target, progress, cancelled, tap);
            }
            progress.update("comparing", 0, 1);
            requireSame(target, c.bundleDir(r.bundleId()).resolve(CaseFolder.INDEX), r);
        } finally {
            CaseFiles.deleteTree(staging);
        }
    }

    /** A replay that gave other events than the import indexed. */
    public static final class DifferentException extends IOException {
        private static final long serialVersionUID = 1L;

        DifferentException(String message) {
            super(message);
        }
    }

    /**
     * Walks both indexes in event order, page by page, and stops at the first event that differs. The replayed
     * index's page is read on a thread of its own meanwhile: reading the hits is most of the walk's time.
     */
    static void requireSame(Path replayed, Path recorded, ImportRecord r) throws IOException, IndexException {
        ExecutorService beside = Executors.newSingleThreadExecutor(t -> {
            Thread x = new Thread(t, "sealtrail-replay-compare");
            x.setDaemon(true);
            return x;
        });
        try (EventSearch now = EventSearch.open(List.of(replayed)); EventSearch then = EventSearch.open(List.of(recorded))) {
            Cursor afterNow = null;
            Cursor afterThen = null;
            long n = 0;
            while (true) {
                Cursor at = afterNow;
                Future<Page> next = beside.submit(() -> now.search(EventQuery.all(), PAGE, at, SortOrder.TIME));
                Page b = then.search(EventQuery.all(), PAGE, afterThen, SortOrder.TIME);
                Page a = await(next);
                int common = Math.min(a.hits().size(), b.hits().size());
                for (int i = 0; i < common; i++, n++) {
                    String difference = difference(b.hits().get(i), a.hits().get(i));
                    if (difference != null) {
                        throw new DifferentException(r.fileName() + " (" + r.bundleId() + ") gives other events now"
                                + " than its import indexed, so they are not what the import would have sent: event "
                                + (n + 1) + " (leaf " + b.hits().get(i).leaf() + ") " + difference
                                + (r.isBundle() ? " (was its index built by another version of Sealtrail? Its"
                                + " evidence, imported into a new case with --opensearch, is sent as this version"
                                + " reads it)" : " (read it as it was imported: --year, --zone, --mapping,"
                                + " --cloudtrail-keys)"));
                    }
                }
                if (a.hits().size() != b.hits().size() || (a.next() == null) != (b.next() == null)) {
                    throw new DifferentException(r.fileName() + " (" + r.bundleId() + ") gives " + a.total()
                            + " events now, its import indexed " + b.total());
                }
                if (a.next() == null || a.hits().isEmpty()) {
                    return;
                }
                afterNow = a.next();
                afterThen = b.next();
            }
        } finally {
            beside.shutdownNow();
        }
    }

    private static Page await(Future<Page> page) throws IndexException {
        try {
            return page.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted while comparing");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IndexException ix) {
                throw ix;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The first field in which two hits differ, with both values; null when they are alike. */
    private static String difference(Hit then, Hit now) {
        for (RecordComponent c : Hit.class.getRecordComponents()) {
            try {
                Object x = c.getAccessor().invoke(then);
                Object y = c.getAccessor().invoke(now);
                if (!Objects.equals(x, y)) {
                    return "has " + c.getName() + " " + y + " now, " + x + " in the case's index";
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of a hit", e);
            }
        }
        return null;
    }
}

package io.sealtrail.app.cli;

import io.sealtrail.app.cli.SealtrailCommand.UserException;
import io.sealtrail.cases.Annotation;
import io.sealtrail.cases.AuditorKey;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseJournal;
import io.sealtrail.cases.CaseVerifier;
import io.sealtrail.cases.JournalEntry;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.Hit;
import io.sealtrail.index.IndexException;
import io.sealtrail.model.EventRef;
import io.sealtrail.model.Finding;
import io.sealtrail.verify.note.VerifierKey;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Annotations, the case journal, and checking a case. */
final class CaseCommands {
    private CaseCommands() {
    }

    @Command(name = "annotate", mixinStandardHelpOptions = true,
            description = {"Bookmark, tag or comment on an event, or take an annotation back.",
                    "Annotations go to the signed case journal, never to the evidence. --remove N appends a signed",
                    "removal of annotation #N; its entry stays in the journal, lists and reports leave it out."})
    static final class Annotate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CaseSupport.CaseOption caseOption = new CaseSupport.CaseOption();

        @Mixin
        LoginOptions login = new LoginOptions();

        @Option(names = "--event", paramLabel = "SEQ|BUNDLE_ID:SEQ", description = "The event to annotate.")
        String event;

        @Option(names = "--remove", paramLabel = "N",
                description = "Take back annotation #N (as 'annotate' and 'journal show' number it).")
        Long remove;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why it is taken back, in one line (with --remove).")
        String reason;

        @Option(names = "--bookmark")
        boolean bookmark;

        @Option(names = "--tag", paramLabel = "T", description = "Repeatable.")
        List<String> tags = new ArrayList<>();

        @Option(names = "--comment", paramLabel = "TEXT")
        String comment;

        @Override
        public Integer call() throws Exception {
            if (remove != null) {
                return remove();
            }
            if (event == null) {
                throw new UserException("say which event: --event SEQ or BUNDLE_ID:SEQ (or --remove N)");
            }
            if (!bookmark && tags.isEmpty() && comment == null) {
                throw new UserException("say what to record: --bookmark, --tag or --comment");
            }
            CaseFolder c = caseOption.open();
            EventRef ref = CaseSupport.event(c, event);
            Hit hit;
            try (EventSearch search = CaseSupport.search(c, login)) {
                hit = search.around(ref.bundleId(), ref.seq(), 0).stream().filter(Hit::anchor).findFirst()
                        .orElseThrow(() -> new UserException("no event " + ref + " in the case"));
            } catch (IndexException e) {
                throw new UserException(e.getMessage(), e);
            }
            Annotation a = Annotation.of(ref.bundleId(), ref.seq(), hit.entryHash(), bookmark, tags, comment)
                    .append(c.journal(), AuditorKey.loadOrCreate(CliEnvironment.env()));
            PrintWriter o = spec.commandLine().getOut();
            o.printf("Recorded annotation #%d on %s (entry hash %s)%n", a.journalSeq(), ref, a.entryHash());
            o.flush();
            return 0;
        }

        private Integer remove() throws Exception {
            if (event != null || bookmark || !tags.isEmpty() || comment != null) {
                throw new UserException("--remove takes back an annotation; it records nothing else");
            }
            CaseFolder c = caseOption.open();
            List<io.sealtrail.cases.JournalEntry> entries = c.journal().entries();
            Annotation a = remove < 0 || remove >= entries.size() ? null : Annotation.from(entries.get(remove.intValue()));
            if (a == null) {
                throw new UserException("journal entry #" + remove + " is no annotation ('sealtrail journal show' lists them)");
            }
            io.sealtrail.cases.JournalEntry e;
            try {
                e = a.remove(c.journal(), AuditorKey.loadOrCreate(CliEnvironment.env()), reason);
            } catch (IllegalArgumentException ex) {
                throw new UserException(ex.getMessage(), ex);
            }
            PrintWriter o = spec.commandLine().getOut();
            o.printf("Removed annotation #%d on %s by journal entry #%d; #%d stays in the journal%n", remove, a.eventRef(),
                    e.seq(), remove);
            o.flush();
            return 0;
        }
    }

    @Command(name = "journal", mixinStandardHelpOptions = true, description = "Show and check the case's signed chain of custody.",
            subcommands = {Show.class, VerifyJournal.class, Handover.class})
    static final class Journal {
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print every journal entry, oldest first.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CaseSupport.CaseOption caseOption = new CaseSupport.CaseOption();

        @Override
        public Integer call() throws Exception {
            PrintWriter o = spec.commandLine().getOut();
            for (JournalEntry e : caseOption.open().journal().entries()) {
                String who = e.actor().substring(0, e.actor().indexOf('+') < 0 ? e.actor().length() : e.actor().indexOf('+'));
                o.printf("#%-4d %s  %-13s %-28s %s%n", e.seq(), e.time(), e.type(), who, e.data());
            }
            o.flush();
            return 0;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check the case journal: its lines, hash chain, custody and signature.",
                    "Check the journal: every line, the hash chain, that each entry is by the key holding the",
                    "case (its creator, or whom it was handed over to), the signed root and its signature.",
                    "Exit 0 if sound, 1 if not."})
    static final class VerifyJournal implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CaseSupport.CaseOption caseOption = new CaseSupport.CaseOption();

        @Option(names = "--trust-auditor", paramLabel = "VKEY|FILE", description = "An auditor key you expect. Repeatable.")
        List<String> auditors = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            CaseJournal.Check check = caseOption.open().journal().verify(Keys.verifierKeys(auditors));
            PrintWriter o = spec.commandLine().getOut();
            printJournal(check, o);
            o.flush();
            return check.ok() ? 0 : 1;
        }
    }

    @Command(name = "handover", mixinStandardHelpOptions = true,
            description = {"Hand the case over to another auditor's key.",
                    "Hand the case over to another auditor's key: a journal entry signed by your key, which must",
                    "hold the case, over the journal so far, their key and the reason. From then on only their key may",
                    "write to the case. Exit 0 when handed over, 2 if your key does not hold the case."})
    static final class Handover implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CaseSupport.CaseOption caseOption = new CaseSupport.CaseOption();

        @Option(names = "--to", required = true, paramLabel = "VKEY|FILE", description = "The new auditor's verifier key (their auditor.vkey).")
        String to;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, in one line; it is signed with the hand-over.")
        String reason;

        @Override
        public Integer call() throws Exception {
            List<VerifierKey> keys = Keys.verifierKeys(List.of(to));
            if (keys.size() != 1) {
                throw new UserException("--to " + to + ": name one key, not " + keys.size());
            }
            JournalEntry e;
            try {
                e = caseOption.open().journal().handOver(AuditorKey.loadOrCreate(CliEnvironment.env()), keys.get(0), reason);
            } catch (IllegalArgumentException ex) {
                throw new UserException(ex.getMessage(), ex);
            }
            PrintWriter o = spec.commandLine().getOut();
            o.printf("Handed the case over to %s in journal entry #%d; from now on only that key may write to it%n",
                    describe(keys.get(0)), e.seq());
            o.flush();
            return 0;
        }
    }

    private static String describe(VerifierKey k) {
        return k.name() + " (" + k.fingerprint() + ")";
    }

    static void printJournal(CaseJournal.Check check, PrintWriter o) {
        VerifierKey k = check.signer();
        o.printf("Journal   %d entries, %d covered by the signed checkpoint%s%n", check.entries(), check.signedEntries(),
                k == null ? "" : ", signed by " + describe(k));
        if (check.creator() != null) {
            o.printf("Custody   created by %s%s%n", describe(check.creator()),
                    check.holder().equals(check.creator()) ? "" : ", handed over to " + describe(check.holder()));
        }
        o.println("Verdict   " + (check.ok() ? "INTACT" : "BROKEN"));
        for (Finding f : check.findings()) {
            o.printf("%-7s %-26s %s: %s%n", f.severity(), f.code(), f.location(), f.message());
        }
    }

    @Command(name = "case", mixinStandardHelpOptions = true, description = "Work with a case as a whole.",
            subcommands = {VerifyCase.class, HandoverCommands.Keygen.class, HandoverCommands.Export.class,
                    HandoverCommands.Import.class, CaseSendCommand.class})
    static final class Case {
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check the journal and re-hash every file of the case it anchors.",
                    "Check the journal, then follow each of its import entries to the import record it anchored",
                    "and re-hash every evidence, index and verification file. Exit 0 if nothing changed, 1 otherwise."})
    static final class VerifyCase implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CaseSupport.CaseOption caseOption = new CaseSupport.CaseOption();

        @Option(names = "--trust-auditor", paramLabel = "VKEY|FILE", description = "An auditor key you expect. Repeatable.")
        List<String> auditors = new ArrayList<>();

        @picocli.CommandLine.Mixin
        ClusterOptions cluster = new ClusterOptions();

        @Override
        public Integer call() throws Exception {
            io.sealtrail.cases.CaseFolder c = caseOption.open();
            CaseVerifier.Result r = new CaseVerifier().verify(c, Keys.verifierKeys(auditors));
            PrintWriter o = spec.commandLine().getOut();
            o.printf("Case      %d bundle(s), %d files re-hashed%n", r.bundles(), r.files());
            for (Finding f : r.findings()) {
                o.printf("%-7s %-26s %s: %s%n", f.severity(), f.code(), f.location(), f.message());
            }
            printJournal(r.journal(), o);
            Checked held = checkCluster(c, o);
            boolean changed = !r.ok() || held == Checked.CHANGED;
            o.println(changed ? "CHANGED: see the findings" : held == Checked.UNCHECKED
                    ? "NOT CHECKED: the case folder is as its imports left it, but OpenSearch could not be checked (above)"
                    : "OK: the case is as its imports left it");
            o.flush();
            return changed || held == Checked.UNCHECKED ? 1 : 0;
        }

        /** What the cluster's check found: a login refused or a cluster unreachable is no finding of a change. */
        private enum Checked { OK, UNCHECKED, CHANGED }

        /** Each bundle sent to OpenSearch: the index holds exactly the events sent (count and entry-hash digest). */
        private Checked checkCluster(io.sealtrail.cases.CaseFolder c, PrintWriter o) throws Exception {
            Checked worst = Checked.OK;
            for (io.sealtrail.opensearch.ClusterRecord rec : io.sealtrail.opensearch.ClusterRecord.of(c)) {
                io.sealtrail.opensearch.ClusterConnection connection = cluster.connection(rec.url(), c);
                Checked found;
                try (var transport = connection.client()._transport()) {
                    var result = io.sealtrail.opensearch.ClusterCheck.check(
                            new org.opensearch.client.opensearch.OpenSearchClient(transport), rec);
                    o.println((result.ok() ? "Cluster   " : "CHANGED   ") + result.describe());
                    found = result.ok() ? Checked.OK : Checked.CHANGED;
                } catch (java.io.IOException | RuntimeException e) {
                    o.println("UNCHECKED OpenSearch index " + rec.index() + " at " + connection.url()
                            + " cannot be checked: " + connection.explain(e));
                    found = Checked.UNCHECKED;
                }
                worst = found.compareTo(worst) > 0 ? found : worst;
            }
            return worst;
        }
    }
}

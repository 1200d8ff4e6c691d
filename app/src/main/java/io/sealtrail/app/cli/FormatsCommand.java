package io.sealtrail.app.cli;

import io.sealtrail.sources.SourceFormat;
import io.sealtrail.sources.SourceFormats;
import io.sealtrail.sources.SourcePlan;
import io.sealtrail.sources.sudoio.SudoIolog;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "formats", mixinStandardHelpOptions = true,
        description = {"List the formats 'import' reads (told from the content, or named with --format).",
                "docs/sources.md maps each one's fields to the event model."})
final class FormatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        o.printf("%-18s %s%n", SourcePlan.BUNDLE, "Sealtrail bundles (zip or folder): hash chain, Merkle tree, signed"
                + " checkpoints, RFC 3161 timestamps (docs/bundle-format.md)");
        for (SourceFormat f : SourceFormats.all()) {
            o.printf("%-18s %s%n", f.name(), f.description());
        }
        o.printf("%-18s %s%n", SudoIolog.NAME, SudoIolog.DESCRIPTION);
        o.flush();
        return 0;
    }
}

package io.sealtrail.sources;

import io.sealtrail.model.EvidenceFolder;
import io.sealtrail.sources.cloudtrail.CloudTrailTree;
import io.sealtrail.sources.sudoio.SudoIolog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a path the person chose holds, decided from its content (never its name): one of our bundles, a
 * CloudTrail tree, sudo I/O log directories, or files of the formats in {@link SourceFormats}, each file its own.
 *
 * @param parts the files to read for records, in name order ('/'-separated paths inside the source; "" for a
 *              source that is one file), empty for a bundle; for {@link Kind#SUDO_IOLOG} each I/O log directory
 *              ("" for the source itself) with no format, since a directory is read as a whole
 */
public record SourcePlan(Kind kind, List<Part> parts, CloudTrailTree tree) {
    /** The name {@code --format} takes for our own bundles. */
    public static final String BUNDLE = "sealtrail";

    public enum Kind { BUNDLE, CLOUDTRAIL, FILES, SUDO_IOLOG }

    /** One file to read and the format it is read as. */
    public record Part(String file, SourceFormat format) {
    }

    /** Why a path cannot be read as any source: names the file. */
    public static final class UnrecognizedException extends IOException {
        private static final long serialVersionUID = 1L;
        private final String advice;

        public UnrecognizedException(String message) {
            this(message, "", null);
        }

        /** @param advice what to try on the command line, appended to the message (" (give --format …)") */
        public UnrecognizedException(String message, String advice, Throwable cause) {
            super(message + advice, cause);
            this.advice = advice;
        }

        /** What is wrong, without the command line's advice: a window has no --format to give. */
        public String reason() {
            return getMessage().substring(0, getMessage().length() - advice.length());
        }

        public String advice() {
            return advice;
        }
    }

    /** The format the parts are read as: one name, or "mixed" when the files differ. */
    public String formatName() {
        if (kind == Kind.BUNDLE) {
            return BUNDLE;
        }
        if (kind == Kind.CLOUDTRAIL) {
            return "cloudtrail";
        }
        if (kind == Kind.SUDO_IOLOG) {
            return SudoIolog.NAME;
        }
        List<String> names = parts.stream().map(p -> p.format().name()).distinct().toList();
        return names.size() == 1 ? names.get(0) : "mixed";
    }

    /**
     * @param format a name from {@link SourceFormats} or {@value #BUNDLE} to skip detection, or null to detect
     */
    public static SourcePlan of(Path source, String format) throws IOException {
        if (!Files.exists(source)) {
            throw new UnrecognizedException(source + ": no such file or directory");
        }
        Optional<SourceFormat> forced = Optional.empty();
        if (format != null && !SudoIolog.NAME.equals(format)) {
            if (BUNDLE.equals(format)) {
                return new SourcePlan(Kind.BUNDLE, List.of(), null);
            }
            forced = Optional.of(SourceFormats.named(format).orElseThrow(() -> new UnrecognizedException(
                    "--format " + format + ": not a format Sealtrail reads (see 'sealtrail formats')")));
        }
        try {
            EvidenceFolder.requireFileOrFolder(source);
            if (Files.isDirectory(source)) {
                EvidenceFolder.files(source); // before any reader walks it: no links out, no pipes, no folded names
            }
        } catch (EvidenceFolder.RefusedException e) {
            throw new UnrecognizedException(e.getMessage(), "", e);
        }
        if (Files.isDirectory(source)) {
            if (format == null && Files.isRegularFile(source.resolve("manifest.json"))) {
                return new SourcePlan(Kind.BUNDLE, List.of(), null);
            }
            if ((format == null || "cloudtrail".equals(format)) && CloudTrailTree.looksLikeTree(source)) {
                CloudTrailTree tree = CloudTrailTree.scan(source);
                SourceFormat ct = SourceFormats.named("cloudtrail").orElseThrow();
                return new SourcePlan(Kind.CLOUDTRAIL, tree.logs().stream().map(l -> new Part(l, ct)).toList(), tree);
            }
            if (format == null || SudoIolog.NAME.equals(format)) {
                List<String> logs = SudoIolog.logDirectories(source);
                if (!logs.isEmpty()) {
                    return new SourcePlan(Kind.SUDO_IOLOG, logs.stream().map(d -> new Part(d, null)).toList(), null);
                }
                if (format != null) {
                    throw new UnrecognizedException(source + ": --format " + format + ": no folder in it holds a sudo"
                            + " I/O log (a timing file with a log or log.json beside it)");
                }
            }
            List<Part> parts = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(source)) {
                for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                    String name = source.relativize(p).toString().replace('\\', '/');
                    if (name.startsWith(".") || name.contains("/.")) {
                        continue; // hidden files (.DS_Store, editor backups) are no one's log
                    }
                    try {
                        parts.add(new Part(name, forced.isPresent() ? forced.get() : detect(p, "not a format")));
                    } catch (UnrecognizedException e) {
                        // the person chose the folder: name it and say what it is not, then which file stopped it
                        String inner = e.reason().startsWith(p + ": ") ? e.reason().substring(p.toString().length() + 2)
                                : e.reason();
                        throw new UnrecognizedException(source + ": not a Sealtrail bundle (it has no manifest.json),"
                                + " and " + name + " in it: " + inner, e.advice(), e);
                    }
                }
            }
            if (parts.isEmpty()) {
                throw new UnrecognizedException(source + ": the folder holds no files");
            }
            return new SourcePlan(Kind.FILES, parts, null);
        }
        if (SudoIolog.NAME.equals(format)) {
            throw new UnrecognizedException(source + ": --format " + format + " reads a folder (the I/O log directory),"
                    + " not a file");
        }
        if (format == null && isZip(source)) {
            return new SourcePlan(Kind.BUNDLE, List.of(), null);
        }
        if (format == null && source.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip")
                && SourceFormats.recognize(head(source)).isEmpty()) {
            // named like a bundle and nothing else: the bundle reader says best what is wrong with it (not a zip,
            // cut short); the name only chooses who explains, the content decided it is no source
            return new SourcePlan(Kind.BUNDLE, List.of(), null);
        }
        // a file on its own could have been a bundle too, and the person should hear it is neither
        return new SourcePlan(Kind.FILES, List.of(new Part("", forced.isPresent() ? forced.get()
                : detect(source, "not a Sealtrail bundle and not a format"))), null);
    }

    /** @param notA the start of the refusal, "not a format" (a file in a folder) or more */
    private static SourceFormat detect(Path file, String notA) throws IOException {
        Head head = head(file);
        return SourceFormats.recognize(head).orElseThrow(() -> new UnrecognizedException(file + ": "
                + (head.firstNonBlank() < 0 ? "the file is empty" : notA + " Sealtrail recognises"),
                " (give --format NAME if you know it; 'sealtrail formats' lists them)", null));
    }

    /** The first {@link Head#MAX_BYTES} of a file, decompressed when it is gzip. */
    public static Head head(Path file) throws IOException {
        try (InputStream in = Gzip.openMaybe(file)) {
            byte[] b = in.readNBytes(Head.MAX_BYTES);
            boolean complete = b.length < Head.MAX_BYTES || in.read() < 0;
            return new Head(b, b.length, complete);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new UnrecognizedException(file + ": looks like gzip but cannot be decompressed (" + e.getMessage()
                    + "): the file is cut short or damaged");
        }
    }

    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 'P' && in.read() == 'K';
        }
    }
}

package io.sealtrail.app.cli;

import io.sealtrail.app.cli.SealtrailCommand.UserException;
import io.sealtrail.verify.note.NoteFormatException;
import io.sealtrail.verify.note.NoteSigner;
import io.sealtrail.verify.note.VerifierKey;
import io.sealtrail.verify.VerificationReport;
import io.sealtrail.verify.trust.SeenCheckpoint;
import io.sealtrail.verify.trust.SeenCheckpoints;
import io.sealtrail.verify.trust.TrustStore;
import java.io.PrintWriter;
import java.time.Instant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Reads keys given on the command line: a verifier key itself, or a file of them. */
final class Keys {
    private Keys() {
    }

    static List<VerifierKey> verifierKeys(List<String> args) throws UserException {
        LinkedHashSet<VerifierKey> keys = new LinkedHashSet<>();
        for (String a : args) {
            Path p = Path.of(a);
            try {
                if (Files.isRegularFile(p)) {
                    keys.addAll(VerifierKey.parseAll(Files.readString(p, StandardCharsets.UTF_8)));
                } else if (a.contains("+")) {
                    keys.add(VerifierKey.parse(a.strip()));
                } else {
                    throw new UserException(a + ": no such key file, and not a verifier key (name+id+key)");
                }
            } catch (NoteFormatException e) {
                throw new UserException(a + ": not a valid verifier key: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UserException(a + ": cannot read (" + e.getMessage() + ")", e);
            }
        }
        return new ArrayList<>(keys);
    }

    /** The keys the user trusts: the trust store plus any given with --trust. */
    static List<VerifierKey> trusted(List<String> args, boolean useStore) throws UserException {
        LinkedHashSet<VerifierKey> keys = new LinkedHashSet<>(verifierKeys(args));
        if (useStore) {
            TrustStore store = TrustStore.forUser(CliEnvironment.env());
            try {
                keys.addAll(store.keys());
            } catch (IOException | NoteFormatException e) {
                throw new UserException("trust store " + store.file() + ": " + e.getMessage(), e);
            }
        }
        return new ArrayList<>(keys);
    }

    /** The checkpoints the user verified before (issue 11: fork detection), or none without the store. */
    static List<SeenCheckpoint> seen(boolean useStore) throws UserException {
        if (!useStore) {
            return List.of();
        }
        SeenCheckpoints store = SeenCheckpoints.forUser(CliEnvironment.env());
        try {
            return store.all();
        } catch (IOException e) {
            throw new UserException("remembered checkpoints: " + e.getMessage()
                    + " (repair or remove the line; 'sealtrail trust seen' lists them)", e);
        }
    }

    /**
     * Remembers what a verification showed of its log. A failure to write is said, not fatal: the verdict
     * stands, only the memory for the next verification is lost.
     */
    static void remember(VerificationReport r, String source, boolean useStore, PrintWriter err) {
        if (!useStore) {
            return;
        }
        SeenCheckpoints store = SeenCheckpoints.forUser(CliEnvironment.env());
        try {
            store.remember(r.worthRemembering(source, Instant.now()));
        } catch (IOException e) {
            err.println("warning: the checkpoints of " + source + " could not be remembered in " + store.file() + ": "
                    + e.getMessage());
            err.flush();
        }
    }

    static NoteSigner signer(Path file) throws UserException {
        try {
            return NoteSigner.parse(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UserException(file + ": cannot read the signing key (" + e.getMessage() + ")", e);
        } catch (NoteFormatException e) {
            throw new UserException(file + ": not a signing key (PRIVATE+KEY+...): " + e.getMessage(), e);
        }
    }
}

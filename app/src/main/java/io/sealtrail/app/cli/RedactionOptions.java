package io.sealtrail.app.cli;

import io.sealtrail.app.cli.SealtrailCommand.UserException;
import io.sealtrail.index.Redaction;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --redact} and {@code --redaction-profile FILE}, as search and report both take them (docs/redaction.md). */
final class RedactionOptions {
    @Option(names = "--redact", description = {"Blank out secrets and personal data in what leaves the case (AWS keys,"
            + " bearer tokens, passwords in commands and variables, e-mail and IP addresses; docs/redaction.md)."
            + " The evidence is not changed; the profile and what it blanked are recorded in the case journal."})
    boolean redact;

    @Option(names = "--redaction-profile", paramLabel = "FILE",
            description = "Redact with this profile instead of the standard one (implies --redact).")
    Path profile;

    /** The profile chosen, or null when nothing is to be redacted; a file that is no profile is a usage error. */
    Redaction chosen() throws UserException {
        if (profile != null) {
            try {
                return Redaction.read(profile);
            } catch (IOException e) {
                throw new UserException("--redaction-profile " + e.getMessage(), e);
            }
        }
        return redact ? Redaction.standard() : null;
    }
}

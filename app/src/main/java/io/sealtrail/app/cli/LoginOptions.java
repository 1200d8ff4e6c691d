package io.sealtrail.app.cli;

import io.sealtrail.app.cli.SealtrailCommand.UserException;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.opensearch.ClusterLogin;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How to log in to a secured OpenSearch cluster (docs/opensearch.md): a user and password file, or an API key file,
 * and the CA of its TLS certificate. Secrets come from files, never from the command line; the case records the
 * method and the files' paths, so that later commands and the workbench log in the same way.
 */
final class LoginOptions {
    @Option(names = "--user", paramLabel = "U", description = "Log in to OpenSearch as U (with --password-file).")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "The password of --user, on the file's first line; the file must be yours alone (chmod 600).")
    Path passwordFile;

    @Option(names = "--api-key-file", paramLabel = "FILE",
            description = {"Log in with the API key on the file's first line; the file must be yours alone (chmod 600).",
                    "OpenSearch 2.x's security plugin takes no API keys: give it a user and password (docs/opensearch.md)."})
    Path apiKeyFile;

    @Option(names = "--ca", paramLabel = "CERT", description = "Trust this PEM CA certificate for the cluster's TLS.")
    Path ca;

    /** The login given on the command line (possibly none). */
    ClusterLogin given() throws UserException {
        try {
            return ClusterLogin.of(user, passwordFile, apiKeyFile, ca);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    /**
     * The login for a case: the one given, which the case then records for later commands and the workbench, else
     * the one it recorded, else none.
     */
    ClusterLogin forCase(CaseFolder c) throws UserException {
        ClusterLogin login = given();
        try {
            if (login.given()) {
                login.write(c.dir());
                return login;
            }
            return ClusterLogin.read(c.dir()).orElse(login);
        } catch (IOException e) {
            throw new UserException(c.dir() + ": " + e.getMessage(), e);
        }
    }
}

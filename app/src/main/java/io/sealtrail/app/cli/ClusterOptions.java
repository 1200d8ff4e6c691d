package io.sealtrail.app.cli;

import io.sealtrail.app.cli.SealtrailCommand.UserException;
import io.sealtrail.opensearch.ClusterConnection;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How to reach OpenSearch (docs/opensearch.md): a URL and, for a secured cluster, how to log in. */
final class ClusterOptions {
    @Option(names = "--opensearch", paramLabel = "URL",
            description = "Also send the events to OpenSearch at URL, e.g. http://127.0.0.1:9200 (docs/opensearch.md).")
    URI url;

    @Option(names = "--index-prefix", paramLabel = "P", defaultValue = "sealtrail",
            description = "The prefix of the indices, aliases and template Sealtrail creates (default: ${DEFAULT-VALUE}).")
    String prefix;

    @Option(names = "--user", paramLabel = "U", description = "Log in to OpenSearch as U (with --password-file).")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE", description = "The password of --user, on the file's first line.")
    Path passwordFile;

    @Option(names = "--api-key-file", paramLabel = "FILE", description = "Log in with the API key on the file's first line.")
    Path apiKeyFile;

    @Option(names = "--ca", paramLabel = "CERT", description = "Trust this PEM CA certificate for the cluster's TLS.")
    Path ca;

    /** The connection to {@code at} (a recorded URL when none was given) with these credentials. */
    ClusterConnection connection(URI at) throws UserException {
        try {
            return new ClusterConnection(url != null ? url : at, user, passwordFile, apiKeyFile, ca);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), e);
        }
    }
}

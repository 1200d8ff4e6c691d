package io.sealtrail.app.cli;

import io.sealtrail.app.cli.SealtrailCommand.UserException;
import io.sealtrail.opensearch.ClusterConnection;
import java.net.URI;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How to reach OpenSearch (docs/opensearch.md): a URL and, for a secured cluster, how to log in. */
final class ClusterOptions {
    @Option(names = "--opensearch", paramLabel = "URL",
            description = "Also send the events to OpenSearch at URL, e.g. http://127.0.0.1:9200 (docs/opensearch.md).")
    URI url;

    @Option(names = "--index-prefix", paramLabel = "P", defaultValue = "sealtrail",
            description = "The prefix of the indices, aliases and template Sealtrail creates (default: ${DEFAULT-VALUE}).")
    String prefix;

    @Mixin
    LoginOptions login = new LoginOptions();

    /**
     * The connection to {@code at} (a recorded URL when none was given) with the login given, which the case then
     * records, or else the one the case recorded.
     */
    ClusterConnection connection(URI at, io.sealtrail.cases.CaseFolder c) throws UserException {
        try {
            return login.forCase(c).connection(url != null ? url : at);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), e);
        }
    }
}

package io.sealtrail.app;

import io.sealtrail.sources.cloudtrail.CloudTrailKeys;
import io.sealtrail.verify.io.AtomicFiles;
import io.sealtrail.verify.trust.TrustStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The CloudTrail public keys the auditor trusts, kept beside the trust store as {@code cloudtrail-keys.json}: the
 * output of {@code aws cloudtrail list-public-keys} they saved and chose once ({@code sealtrail trust
 * cloudtrail-keys FILE}, or Trust in the workbench), used by every later import and verify, as trusted log keys are.
 */
public final class CloudTrailKeyFile {
    public static final String FILE_NAME = "cloudtrail-keys.json";

    private CloudTrailKeyFile() {
    }

    public static Path location(Map<String, String> env) {
        return TrustStore.configDir(env).resolve(FILE_NAME);
    }

    /** The stored file, if the auditor stored one. */
    public static Optional<Path> stored(Map<String, String> env) {
        return storedIn(TrustStore.configDir(env));
    }

    /** The file stored in the config folder {@code configDir}, if any. */
    public static Optional<Path> storedIn(Path configDir) {
        Path p = configDir.resolve(FILE_NAME);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /**
     * Reads {@code file} as list-public-keys output (refusing what is not) and stores a copy, replacing the one
     * before in one atomic move.
     *
     * @return how many keys it holds
     */
    public static CloudTrailKeys store(Path file, Map<String, String> env) throws IOException {
        return store(file, TrustStore.configDir(env));
    }

    /** As {@link #store(Path, Map)}, into the config folder {@code configDir}. */
    public static CloudTrailKeys store(Path file, Path configDir) throws IOException {
        CloudTrailKeys keys = CloudTrailKeys.read(file);
        Path target = configDir.resolve(FILE_NAME);
        Files.createDirectories(target.getParent());
        AtomicFiles.write(target, AtomicFiles.Existing.REPLACE, out -> Files.copy(file, out));
        return keys;
    }
}

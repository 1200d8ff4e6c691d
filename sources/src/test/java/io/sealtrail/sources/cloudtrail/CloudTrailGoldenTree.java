package io.sealtrail.sources.cloudtrail;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the small signed CloudTrail tree that other modules' tests import (index and app test resources
 * "cloudtrail-golden"): {@code mvn -pl sources test -Dtest=CloudTrailGoldenTree -Dcloudtrail.golden=DIR}.
 * Committed rather than generated there, so those modules need no test code of this one.
 */
class CloudTrailGoldenTree {
    @Test
    @EnabledIfSystemProperty(named = "cloudtrail.golden", matches = ".+")
    void write() throws Exception {
        CloudTrailFixture.write(Path.of(System.getProperty("cloudtrail.golden")), 2, 5);
    }
}

package io.sealtrail.tools.gen;

import io.sealtrail.tools.tsa.TestTimestampAuthority;
import io.sealtrail.verify.bundle.Timestamping;
import io.sealtrail.verify.gen.GeneratorTsa;

/** What {@code sealtrail gen --timestamp} stamps with: the test TSA of the log's origin. */
public final class TestTsaForGeneratedLogs implements GeneratorTsa {
    @Override
    public Timestamping forLog(String origin) {
        TestTimestampAuthority tsa = TestTimestampAuthority.forLog(origin);
        return new Timestamping(tsa::stamp, tsa.chainPem());
    }
}

package io.sealtrail.verify.tsa;

import static io.sealtrail.verify.tsa.TsaFixtures.AUTHORITY;
import static io.sealtrail.verify.tsa.TsaFixtures.DATA;
import static io.sealtrail.verify.tsa.TsaFixtures.GEN_TIME;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.verify.tsa.TimestampCheck.Status;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/** "Never throws for bad input", probed with random and mutated bytes. */
class TimestampVerifierRobustnessTest {
    private static final byte[] TSR = AUTHORITY.stamp(DATA, GEN_TIME);
    private static final TimestampVerifier VERIFIER = new TimestampVerifier(List.of(AUTHORITY.rootCertificate()));

    @Property(tries = 300)
    void randomBytesAreMalformed(@ForAll @Size(max = 300) byte[] bytes) {
        TimestampCheck check = VERIFIER.verify(bytes, DATA, List.of());

        assertThat(check.status()).isEqualTo(Status.MALFORMED);
    }

    /**
     * Any single-byte change yields a result, never an exception, and a rejection says why. It may still be
     * OK: the response's PKIStatus is unsigned (granted 0 → grantedWithMods 1 is a legitimate token), and
     * some DER tag/length bytes have equivalent BER readings; but then it stamps the same data at the same
     * time. Over the tries, both unparsable responses and failing signatures must occur.
     */
    @Property(tries = 300)
    void mutatedResponseIsRejectedWithItsReasonOrStillStampsTheSameTime(
            @ForAll @IntRange(min = 0, max = 100_000) int position, @ForAll @IntRange(min = 1, max = 255) int xor) {
        byte[] mutated = TSR.clone();
        mutated[position % mutated.length] ^= (byte) xor;

        TimestampCheck check = VERIFIER.verify(mutated, DATA, List.of());

        Statistics.collect(check.status());
        if (check.ok()) {
            assertThat(check.genTime()).isEqualTo(GEN_TIME);
            assertThat(check.tsaTrusted()).isTrue();
            assertThat(check.message()).startsWith("timestamp valid at " + GEN_TIME);
        } else {
            assertThat(check.tsaTrusted()).isFalse();
            assertThat(check.message()).isNotBlank().doesNotStartWith("timestamp valid");
            if (check.status() == Status.IMPRINT_MISMATCH) {
                assertThat(check.message()).startsWith("message imprint mismatch");
            }
        }
        Statistics.coverage(c -> {
            c.check(Status.MALFORMED).count(n -> n > 0);
            c.check(Status.SIGNATURE_INVALID).count(n -> n > 0);
        });
    }
}

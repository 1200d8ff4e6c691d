package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.index.TestBundles.Fixture;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The privileged rule as a query and as a predicate pick the same events. */
class PrivilegedTest {
    private static Fixture fixture;
    private static EventSearch search;

    @BeforeAll
    static void open() throws Exception {
        fixture = TestBundles.shared();
        search = EventSearch.open(List.of(fixture.index()));
    }

    @AfterAll
    static void close() throws Exception {
        search.close();
    }

    @Test
    void theQueryMatchesExactlyTheEventsThePredicateCallsPrivileged() throws Exception {
        AtomicLong byPredicate = new AtomicLong();
        search.export(EventQuery.all(), h -> {
            if (Privileged.test(h)) {
                byPredicate.incrementAndGet();
            }
        });
        assertThat(search.count(EventQuery.of(Privileged.QUERY))).isEqualTo(byPredicate.get()).isPositive();
    }

    @Test
    void everyMatchOfTheQueryPassesThePredicate() throws Exception {
        search.export(EventQuery.of(Privileged.QUERY), h -> assertThat(Privileged.test(h)).as(h.command() + " " + h.query()).isTrue());
    }

    @Test
    void sqlIsPrivilegedWhateverItsCaseAndShellOnlyAsAnotherUser() {
        assertThat(Privileged.test(hit("sudo -i", null))).isTrue();
        assertThat(Privileged.test(hit("ls -la", null))).isFalse();
        assertThat(Privileged.test(hit(null, "drop table x"))).isTrue();
        assertThat(Privileged.test(hit(null, "SELECT 1"))).isFalse();
        assertThat(Privileged.test(hit("kubectl exec -it p -- sh", null))).isTrue();
        assertThat(Privileged.test(hit("kubectl get pods", null))).isFalse();
    }

    private static Hit hit(String command, String query) {
        return new Hit("b", 0, 0, null, null, null, null, null, null, null, command, query, Integrity.VERIFIED, "", "", 0,
                "", false, "sealtrail");
    }
}

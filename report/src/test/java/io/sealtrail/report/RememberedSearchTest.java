package io.sealtrail.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.ResultSet;
import java.lang.reflect.Proxy;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RememberedSearchTest {

    private final AtomicInteger asked = new AtomicInteger();
    private final CountDownLatch secondWaiting = new CountDownLatch(1);

    /** A search whose result set takes until the second thread has asked too. */
    private EventSearch slowSearch() {
        return (EventSearch) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {EventSearch.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("resultSet")) {
                        asked.incrementAndGet();
                        secondWaiting.await();
                        return new ResultSet(3, "abc", null, null);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aResultSetAskedFromTwoThreadsAtOnceIsComputedOnce() throws Exception {
        RememberedSearch search = new RememberedSearch(slowSearch());
        EventQuery q = EventQuery.of("user.name:alice");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<ResultSet> first = pool.submit(() -> search.resultSet(q));
            while (asked.get() == 0) {
                Thread.onSpinWait();
            }
            Future<ResultSet> second = pool.submit(() -> {
                secondWaiting.countDown();
                return search.resultSet(q);
            });
            assertThat(second.get()).isEqualTo(first.get());
            assertThat(search.count(q)).isEqualTo(3);
            assertThat(asked.get()).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aStoppedSearchAnswersNothingMore() {
        RememberedSearch search = new RememberedSearch(slowSearch());
        search.stop();
        assertThatThrownBy(() -> search.resultSet(EventQuery.of("*"))).isInstanceOf(CancellationException.class);
        assertThat(asked.get()).isZero();
    }
}

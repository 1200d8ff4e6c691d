package io.sealtrail.app.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The workbench's one background executor (docs/decisions/0005-workbench-mvvm.md): a small pool of named
 * daemon threads, created once by {@link Workbench} and injected into every ViewModel. Daemon threads so a
 * closed window never waits for a verification to finish; named so a thread dump says what they are.
 */
public final class BackgroundExecutor {
    private BackgroundExecutor() {
    }

    /** @param threads how many jobs may run at once; verification is itself parallel, so keep this small */
    public static ExecutorService create(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory names = r -> {
            Thread t = new Thread(r, "sealtrail-ui-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), names);
    }
}

package io.sealtrail.app.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/** A background executor for ViewModel tests: jobs wait until the test runs them, on its own thread. */
public final class ManualExecutor implements Executor {
    private final Deque<Runnable> jobs = new ArrayDeque<>();

    @Override
    public void execute(Runnable job) {
        jobs.add(job);
    }

    /** Runs every waiting job, and the jobs those add, in order. */
    public void drain() {
        while (!jobs.isEmpty()) {
            jobs.poll().run();
        }
    }
}

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

    /** How many jobs wait. */
    public int waiting() {
        return jobs.size();
    }

    /** Removes the waiting jobs and hands them over, for a test that runs them in an order of its own. */
    public java.util.List<Runnable> takeAll() {
        java.util.List<Runnable> all = new java.util.ArrayList<>(jobs);
        jobs.clear();
        return all;
    }

    /** Runs every waiting job, and the jobs those add, in order. */
    public void drain() {
        while (!jobs.isEmpty()) {
            jobs.poll().run();
        }
    }
}

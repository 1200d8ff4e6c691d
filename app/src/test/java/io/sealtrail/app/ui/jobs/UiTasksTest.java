package io.sealtrail.app.ui.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ui.ManualExecutor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one way background work runs in the workbench, without the toolkit. */
class UiTasksTest {
    private final ManualExecutor background = new ManualExecutor();
    private final UiTasks tasks = new UiTasks(background, Runnable::run);
    private final JobState job = new JobState();
    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger(UiTasks.class.getName()).addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger(UiTasks.class.getName()).removeHandler(capture);
    }

    static final UiTasks.Outcome<String> SAY = new UiTasks.Outcome<>() {
        @Override
        public String succeeded(String result) {
            return "done: " + result;
        }

        @Override
        public String failed(String why) {
            return "failed: " + why;
        }
    };

    @Test
    void whenAJobEndsItsOutcomeIsAlreadySet() {
        List<String> seenAtEnd = new ArrayList<>();
        job.runningProperty().addListener((o, was, now) -> {
            if (!now) {
                seenAtEnd.add(job.messageProperty().get() + "|" + job.errorProperty().get());
            }
        });
        tasks.start(job, "working", ctx -> {
            throw new IOException("disk full");
        }, SAY);
        assertThat(job.messageProperty().get()).isEqualTo("working");
        background.drain();
        assertThat(seenAtEnd).containsExactly("|failed: disk full");
    }

    @Test
    void anUnexpectedExceptionIsLoggedWithItsStackTraceAndSaidInOneSentence() {
        tasks.start(job, "", ctx -> {
            throw new IllegalStateException("a bug");
        }, SAY);
        background.drain();
        assertThat(job.errorProperty().get()).startsWith("failed: an unexpected error stopped it (IllegalStateException: a bug)");
        assertThat(logged).singleElement().satisfies(r -> assertThat(r.getThrown()).hasMessage("a bug"));
    }

    @Test
    void anExpectedFailureIsNotLoggedAsABug() {
        tasks.start(job, "", ctx -> {
            throw new IOException("no such file");
        }, SAY);
        background.drain();
        assertThat(logged).isEmpty();
    }

    @Test
    void aSecondJobOfTheSameStateDoesNotStartWhileOneRuns() {
        assertThat(tasks.start(job, "", ctx -> "a", SAY)).isTrue();
        assertThat(tasks.start(job, "", ctx -> "b", SAY)).isFalse();
        background.drain();
        assertThat(job.messageProperty().get()).isEqualTo("done: a");
        assertThat(job.isRunning()).isFalse();
    }

    @Test
    void aCancelledJobSaysSo() {
        tasks.start(job, "", ctx -> {
            ctx.checkCancelled();
            return "not reached";
        }, SAY);
        job.cancel();
        background.drain();
        assertThat(job.messageProperty().get()).isEqualTo("Cancelled");
        assertThat(job.errorProperty().get()).isEmpty();
    }

    @Test
    void progressReachesTheState() {
        tasks.start(job, "", ctx -> {
            ctx.progress("Verifying b.zip", 0.5);
            assertThat(job.phaseProperty().get()).isEqualTo("Verifying b.zip");
            assertThat(job.progressProperty().get()).isEqualTo(0.5);
            return "x";
        }, SAY);
        background.drain();
        assertThat(job.messageProperty().get()).isEqualTo("done: x");
    }

    @Test
    void onlyTheNewestRequestOfALaneDeliversItsResult() {
        UiTasks.Latest lane = tasks.latest();
        List<String> results = new ArrayList<>();
        lane.submit(ctx -> "first", results::add, results::add);
        lane.submit(ctx -> "second", results::add, results::add);
        background.drain();
        assertThat(results).containsExactly("second");
    }

    @Test
    void aStaleResultArrivingLateIsDropped() {
        UiTasks.Latest lane = tasks.latest();
        List<String> results = new ArrayList<>();
        lane.submit(ctx -> "old", results::add, results::add);
        List<Runnable> started = background.takeAll();
        lane.submit(ctx -> "new", results::add, results::add);
        background.drain();
        started.forEach(Runnable::run);
        assertThat(results).containsExactly("new");
    }

    @Test
    void anInvalidatedLaneDeliversNothing() {
        UiTasks.Latest lane = tasks.latest();
        List<String> results = new ArrayList<>();
        lane.submit(ctx -> "x", results::add, results::add);
        lane.invalidate();
        background.drain();
        assertThat(results).isEmpty();
    }

    @Test
    void aLaneRequestAfterTheExecutorShutDownIsDroppedNotThrown() {
        java.util.concurrent.ExecutorService closed = java.util.concurrent.Executors.newSingleThreadExecutor();
        closed.shutdownNow();
        UiTasks.Latest lane = new UiTasks(closed, Runnable::run).latest();
        List<String> seen = new ArrayList<>();

        lane.run(ctx -> ctx.deliver(() -> seen.add("ran")), f -> seen.add("failed: " + f.message()));
        lane.join(ctx -> ctx.deliver(() -> seen.add("ran")), f -> seen.add("failed: " + f.message()));

        assertThat(seen).isEmpty();
    }

    @Test
    void cancelInterruptsTheRunningInterruptibleRequestAndDropsWhatItStillDelivers() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            UiTasks.Latest lane = new UiTasks(pool, Runnable::run).latest();
            java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CompletableFuture<Boolean> interrupted = new java.util.concurrent.CompletableFuture<>();
            List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            lane.runInterruptibly(ctx -> {
                started.countDown();
                try {
                    Thread.sleep(30_000);
                    interrupted.complete(false);
                } catch (InterruptedException e) {
                    interrupted.complete(true);
                }
                ctx.deliver(() -> seen.add("delivered"));
            }, f -> seen.add("failed"));
            started.await();

            lane.cancel();

            assertThat(interrupted.get(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            pool.shutdown();
            assertThat(pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(seen).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNewerInterruptibleRequestCancelsTheQueuedOneBeforeItRuns() {
        UiTasks.Latest lane = tasks.latest();
        List<String> ran = new ArrayList<>();
        lane.runInterruptibly(ctx -> ran.add("older"), f -> ran.add("failed"));
        lane.runInterruptibly(ctx -> ran.add("newer"), f -> ran.add("failed"));

        background.drain();

        assertThat(ran).containsExactly("newer");
    }

    @Test
    void writesAlwaysRunAndDeliverWhateverElseRuns() {
        List<String> delivered = new ArrayList<>();
        tasks.always(ctx -> ctx.deliver(() -> delivered.add("first")), f -> delivered.add("failed"));
        tasks.always(ctx -> ctx.deliver(() -> delivered.add("second")), f -> delivered.add("failed"));

        background.drain();

        assertThat(delivered).containsExactly("first", "second");
    }
}

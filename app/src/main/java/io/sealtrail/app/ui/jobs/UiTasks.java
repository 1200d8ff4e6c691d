package io.sealtrail.app.ui.jobs;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The one way the workbench runs work off the FX thread (JabRef's {@code BackgroundTask}, Cryptomator's
 * {@code Tasks}): core code stays synchronous, a job runs on the injected background executor and its
 * outcome comes back on the injected FX executor. Two shapes:
 * <ul>
 *   <li>{@link #start} a job with a {@link JobState} (progress, message, error, cancel), one at a time per
 *       state: imports, reports, exports;</li>
 *   <li>{@link #latest()} a lane where only the newest request's result is delivered: searches, timelines,
 *       verifications that a newer request made stale.</li>
 * </ul>
 * A failure the job expects is a checked exception (an unreadable bundle, a full disk, a query that does
 * not parse; {@link java.io.UncheckedIOException} counts too): its message is shown. A runtime exception is a
 * bug: it is logged once, with its stack trace, and shown as one plain sentence, never swallowed.
 */
public final class UiTasks {
    private static final System.Logger LOG = System.getLogger(UiTasks.class.getName());

    private final Executor background;
    private final Executor fxThread;

    public UiTasks(Executor background, Executor fxThread) {
        this.background = background;
        this.fxThread = fxThread;
    }

    public Executor fxThread() {
        return fxThread;
    }

    /** The work of a job with a state; runs on the background executor. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Context context) throws Exception;
    }

    /** How a job ended, in words for its state's message (called on the FX thread). */
    public interface Outcome<T> {
        /** @return the message to show; the result may also be handed on here (open the new case, say) */
        String succeeded(T result);

        /** @return the message to show after a cancel */
        default String cancelled() {
            return "Cancelled";
        }

        /** @return the error sentence for a failure the job expects; {@code why} is the exception's message */
        String failed(String why);
    }

    /** The work of a request in a {@link Latest} lane; it hands its results over with {@link Context#deliver}. */
    @FunctionalInterface
    public interface Request {
        void run(Context context) throws Exception;
    }

    /**
     * Why a request failed: the message of a failure it expects, or for a bug (logged) a sentence that says
     * an unexpected error stopped it.
     */
    public record Failure(String message, boolean bug) {
    }

    /** What a running job may do besides its work. */
    public final class Context {
        private final AtomicBoolean cancelled;
        private final JobState state;
        private final java.util.function.BooleanSupplier current;

        private Context(AtomicBoolean cancelled, JobState state) {
            this(cancelled, state, () -> true);
        }

        private Context(AtomicBoolean cancelled, JobState state, java.util.function.BooleanSupplier current) {
            this.cancelled = cancelled;
            this.state = state;
            this.current = current;
        }

        /** Whether no newer request of the lane has made this one stale (always true for a job with a state). */
        public boolean current() {
            return current.getAsBoolean();
        }

        /** Logs an unexpected exception the request chooses to survive (it drew what it could without it). */
        public void logUnexpected(String what, RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, what, e);
        }

        /** Hands a result over on the FX thread, unless a newer request of the lane made it stale meanwhile. */
        public void deliver(Runnable update) {
            fxThread.execute(() -> {
                if (current.getAsBoolean()) {
                    update.run();
                }
            });
        }

        public boolean cancelled() {
            return cancelled.get();
        }

        /** @throws CancellationException when the job was asked to stop */
        public void checkCancelled() {
            if (cancelled.get()) {
                throw new CancellationException("cancelled");
            }
        }

        /** Shows what the job does and how far it is (share 0…1, or -1 unknown); call as often as you like
         * from a hot loop only if you throttle it yourself. */
        public void progress(String phase, double share) {
            fxThread.execute(() -> state.progress(phase, share));
        }

        /** Runs an update of the job's own on the FX thread (a count of exported events, say). */
        public void onFxThread(Runnable update) {
            fxThread.execute(update);
        }
    }

    /**
     * Starts a job unless one of this state is running (call on the FX thread).
     *
     * @return whether it started
     */
    public <T> boolean start(JobState state, String startMessage, Work<T> work, Outcome<T> outcome) {
        if (state.isRunning()) {
            return false;
        }
        AtomicBoolean cancelled = state.begin(startMessage);
        Context context = new Context(cancelled, state);
        background.execute(() -> {
            try {
                T result = work.run(context);
                fxThread.execute(() -> state.end(outcome.succeeded(result), ""));
            } catch (CancellationException e) {
                fxThread.execute(() -> state.end(outcome.cancelled(), ""));
            } catch (Exception e) {
                String why = expected(e) ? message(e) : unexpected(e);
                fxThread.execute(() -> state.end("", outcome.failed(why)));
            } catch (Error e) { // OutOfMemoryError and kin: say so, then let the thread die as it would
                String why = unexpected(e);
                fxThread.execute(() -> state.end("", outcome.failed(why)));
                throw e;
            }
        });
        return true;
    }

    /**
     * Runs a request whose results are always delivered, however many others run: a write (a key added to the
     * trust store) that must neither be skipped nor have its outcome dropped. Failures as in a lane.
     */
    public void always(Request request, Consumer<Failure> onError) {
        new Latest().run(request, onError);
    }

    /** A lane of requests where a newer request makes the older ones' results stale. */
    public Latest latest() {
        return new Latest();
    }

    /** See {@link #latest()}. Submit and invalidate on the FX thread. */
    public final class Latest {
        private final AtomicLong generation = new AtomicLong();
        /** The request of {@link #runInterruptibly} queued or running, for {@link #cancel}. */
        private final java.util.concurrent.atomic.AtomicReference<java.util.concurrent.Future<?>> interruptible =
                new java.util.concurrent.atomic.AtomicReference<>();

        /**
         * Runs {@code work} in the background; {@code onResult} or {@code onError} runs on the FX thread
         * only if no newer request was made (or {@link #invalidate()} called) meanwhile.
         *
         * @param onError gets the exception's message, or for an unexpected exception (logged) a plain sentence
         */
        public <T> void submit(Work<T> work, Consumer<T> onResult, Consumer<String> onError) {
            long mine = generation.incrementAndGet();
            AtomicBoolean stale = new AtomicBoolean();
            Context context = new Context(stale, new JobState());
            executeUnlessClosing(() -> {
                if (generation.get() != mine) {
                    return; // a newer request came before this one started: skip the work
                }
                try {
                    T result = work.run(context);
                    fxThread.execute(() -> {
                        if (generation.get() == mine) {
                            onResult.accept(result);
                        }
                    });
                } catch (CancellationException e) {
                    // stale or cancelled: nobody waits for it
                } catch (Exception e) {
                    String why = expected(e) ? message(e) : unexpected(e);
                    fxThread.execute(() -> {
                        if (generation.get() == mine) {
                            onError.accept(why);
                        }
                    });
                }
            });
        }

        /**
         * Runs a request that makes every earlier one stale; its {@link Context#deliver} updates and
         * {@code onError} reach the FX thread only while it is the newest.
         */
        public void run(Request request, Consumer<Failure> onError) {
            execute(generation.incrementAndGet(), request, onError, true);
        }

        /**
         * Runs a request as part of the newest one (the next page of the same search): it makes nothing stale,
         * and its deliveries are dropped like the newest one's when a newer request comes. It always runs, so
         * that what it must undo on the FX thread whatever happens (an in-flight flag) it can undo with
         * {@link Context#onFxThread} and {@link Context#current()}.
         */
        public void join(Request request, Consumer<Failure> onError) {
            execute(generation.get(), request, onError, false);
        }

        /**
         * Like {@link #run}, for work that stops when its thread is interrupted (a verification, which then throws
         * {@link CancellationException}): the request this one replaces is interrupted if it still runs, and so is
         * this one on {@link #cancel}. A request cancelled before it started does not run at all.
         */
        public void runInterruptibly(Request request, Consumer<Failure> onError) {
            java.util.concurrent.FutureTask<Void> task = new java.util.concurrent.FutureTask<>(
                    body(generation.incrementAndGet(), request, onError, true), null);
            java.util.concurrent.Future<?> older = interruptible.getAndSet(task);
            if (older != null) {
                older.cancel(true);
            }
            executeUnlessClosing(task);
        }

        /** Makes every request stale, and interrupts the one {@link #runInterruptibly} started, queued or running. */
        public void cancel() {
            generation.incrementAndGet();
            java.util.concurrent.Future<?> running = interruptible.getAndSet(null);
            if (running != null) {
                running.cancel(true);
            }
        }

        private void execute(long mine, Request request, Consumer<Failure> onError, boolean skipWhenStale) {
            executeUnlessClosing(body(mine, request, onError, skipWhenStale));
        }

        private Runnable body(long mine, Request request, Consumer<Failure> onError, boolean skipWhenStale) {
            java.util.function.BooleanSupplier current = () -> generation.get() == mine;
            Context context = new Context(new AtomicBoolean(), new JobState(), current);
            return () -> {
                if (skipWhenStale && !current.getAsBoolean()) {
                    return; // a newer request came before this one started: its work would be thrown away
                }
                try {
                    request.run(context);
                } catch (CancellationException e) {
                    // nobody waits for it
                } catch (Exception e) {
                    Failure f = expected(e) ? new Failure(message(e), false) : new Failure(unexpected(e), true);
                    context.deliver(() -> onError.accept(f));
                }
            };
        }

        /** Drops the results of every request made so far (the case was closed, say). */
        public void invalidate() {
            generation.incrementAndGet();
        }

        /** Whether a result of the request made as {@code n}-th would still be delivered. */
        public boolean isCurrent(long n) {
            return generation.get() == n;
        }

        /** The number of the newest request. */
        public long current() {
            return generation.get();
        }
    }

    /**
     * A lane's request when the executor was shut down (the window is closing, and a result delivered meanwhile
     * asks for more) is dropped: nobody is left to see its result.
     */
    private void executeUnlessClosing(Runnable r) {
        try {
            background.execute(r);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "a request was dropped: the background executor is shut down", e);
        }
    }

    private static boolean expected(Exception e) {
        return !(e instanceof RuntimeException) || e instanceof java.io.UncheckedIOException;
    }

    static String message(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Logs a bug once, with its stack trace, and says it in one sentence that tells where the log is. */
    private static String unexpected(Throwable e) {
        LOG.log(System.Logger.Level.ERROR, "a background job failed unexpectedly", e);
        return "an unexpected error stopped it (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); the details are in "
                + WorkbenchLog.location().map(Path::toString).orElse("the log");
    }
}

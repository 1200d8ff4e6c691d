package io.sealtrail.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;

/**
 * The allocation bound every fuzz target (verify, sources, index) holds each input to (docs/testing.md, "Fuzzing"): what the
 * calling thread allocates while reading one input stays under {@link #FIXED_BYTES} plus {@link #PER_INPUT_BYTE}
 * times the input's size. Counted with the JVM's per-thread allocation counter, so it holds in the replay of the
 * committed inputs as well as while fuzzing; an allocation sized by a hostile length field fails it long before it
 * could exhaust the heap (the fuzz runs add a small -Xmx for what another thread allocates). An input during which
 * the JVM loaded classes is not held to it: loading and initialising a reader's classes allocates once, whichever
 * input comes first, and a class is loaded only once, so no input can make that happen again.
 */
public final class FuzzBounds {
    /** Buffers a reader may take whatever the input: Jackson's, a parser's tables, a message or two. */
    public static final long FIXED_BYTES = 16L << 20;
    /** Copies, decoded text and records: a few dozen times the input, never a size the input only claims. */
    public static final long PER_INPUT_BYTE = 64;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static final ClassLoadingMXBean CLASSES = ManagementFactory.getClassLoadingMXBean();

    private final long loadedClasses = CLASSES.getTotalLoadedClassCount();
    private final long start = THREADS.getCurrentThreadAllocatedBytes();
    private final long inputBytes;
    private final long bound;

    private FuzzBounds(long inputBytes, long bound) {
        this.inputBytes = inputBytes;
        this.bound = bound;
    }

    /** Starts counting what this thread allocates for one input of {@code inputBytes}. */
    public static FuzzBounds start(long inputBytes) {
        return new FuzzBounds(inputBytes, FIXED_BYTES + PER_INPUT_BYTE * inputBytes);
    }

    /** The same with a bound of its own, for a target whose every input does more than read (a search). */
    public static FuzzBounds start(long inputBytes, long fixedBytes, long perInputByte) {
        return new FuzzBounds(inputBytes, fixedBytes + perInputByte * inputBytes);
    }

    /** Fails when this thread allocated more than the bound since {@link #start} (unless classes were loaded). */
    public void check() {
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - start;
        if (CLASSES.getTotalLoadedClassCount() != loadedClasses) {
            return;
        }
        assertThat(allocated).as("bytes allocated for an input of %d bytes", inputBytes)
                .isLessThanOrEqualTo(bound);
    }
}

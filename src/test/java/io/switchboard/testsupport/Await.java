package io.switchboard.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls until something asynchronous (a queued run, a fired trigger) has happened. */
public final class Await {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Await() {
    }

    public static void until(BooleanSupplier condition, Supplier<String> what) {
        until(condition, TIMEOUT, what);
    }

    public static void until(BooleanSupplier condition, Duration timeout, Supplier<String> what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited " + timeout.toSeconds() + " s for " + what.get());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what.get());
            }
        }
    }
}

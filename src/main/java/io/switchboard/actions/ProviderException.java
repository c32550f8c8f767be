package io.switchboard.actions;

import java.time.Duration;
import java.util.Optional;

/** The provider refused or failed a call; the message says so in words, never with a token. */
public class ProviderException extends RuntimeException {
    /** Status used when no HTTP answer came back (timeout, connection refused). */
    public static final int NO_ANSWER = 0;

    private final int status;
    private final Duration retryAfter;

    public ProviderException(int status, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    /** What the provider asked for in Retry-After, if anything. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean unauthorized() {
        return status == 401;
    }

    /** Rate limits, server errors and silence are worth another try; other refusals are not. */
    public boolean retryable() {
        return status == 429 || status >= 500 || status == NO_ANSWER;
    }
}

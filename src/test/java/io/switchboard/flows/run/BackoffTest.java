package io.switchboard.flows.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.switchboard.actions.ProviderException;
import io.switchboard.flows.FlowsConfig;

/** How long a run waits before its next try. */
class BackoffTest {
    static final Duration INITIAL = Duration.ofSeconds(5);
    static final Duration MAX = Duration.ofMinutes(10);

    static final FlowsConfig.Retry RETRY = new FlowsConfig.Retry() {
        @Override
        public int maxAttempts() {
            return 4;
        }

        @Override
        public Duration initialBackoff() {
            return INITIAL;
        }

        @Override
        public Duration maxBackoff() {
            return MAX;
        }
    };

    @Test
    void retryAfter_isWaitedAsTheProviderAsked() {
        assertEquals(Duration.ofSeconds(120),
                FlowRunner.delay(RETRY, new ProviderException(429, "slow down", Duration.ofSeconds(120)), 1));
    }

    @Test
    void serverError_waitDoublesPerAttempt_withJitter_cappedAtTheMaximum() {
        for (int attempt = 1; attempt <= 12; attempt++) {
            Duration ceiling = INITIAL.multipliedBy(1L << (attempt - 1));
            ceiling = ceiling.compareTo(MAX) > 0 ? MAX : ceiling;
            Set<Duration> seen = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                Duration wait = FlowRunner.delay(RETRY, new ProviderException(503, "unavailable", null), attempt);
                assertThat(wait).isBetween(ceiling.dividedBy(2), ceiling);
                seen.add(wait);
            }
            // jitter: retries of many runs do not land on the provider at the same moment
            assertThat(seen).hasSizeGreaterThan(100);
        }
    }
}

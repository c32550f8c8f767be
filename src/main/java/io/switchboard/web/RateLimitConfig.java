package io.switchboard.web;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "switchboard.rate-limit")
public interface RateLimitConfig {
    /**
     * Model calls (plan requests and chat messages) one user may make per {@link #window()}; 30 by default, well above
     * what a person types and low enough that one account cannot exhaust a paid model.
     */
    @WithDefault("30")
    int modelCalls();

    /** The sliding window the limit counts over; 1 min by default. */
    @WithDefault("1M")
    Duration window();
}

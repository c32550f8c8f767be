package io.switchboard.actions;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Provider calls. Per connector, read directly because the catalog names the connectors:
 * {@code switchboard.connectors.<id>.api-base-url} replaces the catalog's apiBaseUrl (tests point it at WireMock,
 * the demo at the sandbox); {@code switchboard.connectors.<id>.absolute-base-url} replaces scheme and host of
 * absolute request paths such as Box's upload host; {@code switchboard.connectors.discord.bot-token} is the Discord
 * application's bot token. All unset by default: requests go to the real providers.
 */
@ConfigMapping(prefix = "switchboard.actions")
public interface ActionsConfig {
    /** How long one provider call may take, connecting included; 30 s by default, then the run retries. */
    @WithDefault("30S")
    Duration timeout();
}

package io.switchboard.flows;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "switchboard.flows")
public interface FlowsConfig {
    Retry retry();

    Nodes nodes();

    /** How many runs the run history returns, newest first; 50 by default, enough for a page. */
    @WithDefault("50")
    int history();

    /**
     * Where a record can be opened, for the links in messages; {app}, {entity} and {id} are filled in. By default the
     * record in this service's API; an app builder points it at the record's page in the published app.
     */
    @WithDefault("${switchboard.public-url}/api/apps/{app}/entities/{entity}/records/{id}")
    String recordLink();

    interface Retry {
        /** Tries per run, the first included, for rate limits, server errors and timeouts; 4 by default. */
        @WithDefault("4")
        int maxAttempts();

        /** Wait before the second try, doubled for each one after, with jitter; 5 s by default. */
        @WithDefault("5S")
        Duration initialBackoff();

        /** Longest wait between tries, Retry-After excepted; 10 min by default. */
        @WithDefault("10M")
        Duration maxBackoff();
    }

    interface Nodes {
        /** How often a node records that it is alive; 2 s by default. */
        @WithDefault("2S")
        Duration heartbeat();

        /**
         * How long a node may go unseen before its queued and running runs are handed to another; 15 s by default, well
         * above a heartbeat delayed by a busy machine, since a live node taken for dead can repeat the runs it holds.
         */
        @WithDefault("15S")
        Duration deadAfter();
    }
}

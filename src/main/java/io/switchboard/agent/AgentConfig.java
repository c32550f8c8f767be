package io.switchboard.agent;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "switchboard.agent")
public interface AgentConfig {
    /** {@code offline} (default: the in-JVM model, no network, deterministic) or {@code openai} (any compatible API). */
    @WithDefault("offline")
    String model();

    /** Base URL of the OpenAI-compatible API (OpenAI, Azure, Ollama, vLLM); used when model is openai. */
    Optional<String> baseUrl();

    /** API key for the OpenAI-compatible API; unset for local servers that need none. */
    Optional<String> apiKey();

    /** Model name at that API, for example gpt-4o-mini or llama3.1. */
    @WithDefault("gpt-4o-mini")
    String modelName();

    /** How long one call to the OpenAI-compatible API may take before the plan request fails. */
    @WithDefault("30S")
    Duration timeout();
}

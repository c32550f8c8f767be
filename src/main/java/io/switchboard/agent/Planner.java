package io.switchboard.agent;

import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import io.quarkiverse.langchain4j.RegisterAiService;

/** The LLM that turns a request into a plan through the planning tools. Calls leave the JVM with a hosted model. */
@RegisterAiService(toolProviderSupplier = PlanningTools.Provider.class, maxSequentialToolInvocations = 8)
public interface Planner {

    /** The request goes in as a template value, so braces in what people type ("{{total}}") stay plain text. */
    @SystemMessage(fromResource = "prompts/planner.system.md")
    @UserMessage("{request}")
    String plan(@MemoryId String conversationId, String request);
}

package io.switchboard.agent;

import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import io.quarkiverse.langchain4j.RegisterAiService;

/** The LLM that turns a request into a plan through the planning tools. Calls leave the JVM with a hosted model. */
@RegisterAiService(toolProviderSupplier = PlanningTools.Provider.class, maxSequentialToolInvocations = 8)
public interface Planner {

    @SystemMessage(fromResource = "prompts/planner.system.md")
    String plan(@MemoryId String conversationId, @UserMessage String request);
}

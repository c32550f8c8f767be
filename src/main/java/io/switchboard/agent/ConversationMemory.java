package io.switchboard.agent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import dev.langchain4j.memory.chat.ChatMemoryProvider;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.store.memory.chat.InMemoryChatMemoryStore;

/**
 * Chat conversations keep their memory in the database; a one-off plan call ({@code plan-} ids) keeps its scratch
 * memory in RAM, since it is thrown away when the call returns.
 */
@ApplicationScoped
public class ConversationMemory {
    static final String SCRATCH_PREFIX = "plan-";
    private final InMemoryChatMemoryStore scratch = new InMemoryChatMemoryStore();

    @Produces
    @ApplicationScoped
    ChatMemoryProvider chatMemoryProvider(ChatMemoryRepository database) {
        return id -> MessageWindowChatMemory.builder().id(id).maxMessages(40)
                .chatMemoryStore(id.toString().startsWith(SCRATCH_PREFIX) ? scratch : database).build();
    }

    void forget(Object id) {
        scratch.deleteMessages(id);
    }
}

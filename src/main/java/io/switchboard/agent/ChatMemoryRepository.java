package io.switchboard.agent;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.transaction.Transactional;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Conversation memory in the database. Tools never return tokens or secrets, so none can land here. */
@ApplicationScoped
public class ChatMemoryRepository implements ChatMemoryStore {
    @Inject
    Clock clock;

    @Entity
    @Table(name = "chat_memory")
    public static class StoredMemory extends PanacheEntityBase {
        @Id
        @Column(name = "memory_id")
        public String memoryId;
        public String messages;
        @Column(name = "updated_at")
        public Instant updatedAt;
    }

    @Override
    @Transactional
    public List<ChatMessage> getMessages(Object memoryId) {
        StoredMemory stored = StoredMemory.findById(memoryId.toString());
        return stored == null ? List.of() : ChatMessageDeserializer.messagesFromJson(stored.messages);
    }

    @Override
    @Transactional
    public void updateMessages(Object memoryId, List<ChatMessage> messages) {
        StoredMemory stored = StoredMemory.findById(memoryId.toString());
        if (stored == null) {
            stored = new StoredMemory();
            stored.memoryId = memoryId.toString();
            stored.messages = ChatMessageSerializer.messagesToJson(messages);
            stored.updatedAt = clock.instant();
            stored.persist();
        } else {
            stored.messages = ChatMessageSerializer.messagesToJson(messages);
            stored.updatedAt = clock.instant();
        }
    }

    @Override
    @Transactional
    public void deleteMessages(Object memoryId) {
        StoredMemory.deleteById(memoryId.toString());
    }
}

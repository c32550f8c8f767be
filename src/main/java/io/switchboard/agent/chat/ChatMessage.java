package io.switchboard.agent.chat;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "conversation_messages")
public class ChatMessage extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "conversation_id")
    public String conversationId;
    public int seq;
    public String role;
    public String text;
    /** The card as JSON, or null. */
    public String card;
    @Column(name = "created_at")
    public Instant createdAt;

    public static List<ChatMessage> of(String conversationId) {
        return list("conversationId = ?1 order by seq", conversationId);
    }

    public static int nextSeq(String conversationId) {
        return (int) count("conversationId", conversationId);
    }
}

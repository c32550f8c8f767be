package io.switchboard.agent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.switchboard.agent.offline.OfflineChatModel;
import io.switchboard.agent.offline.RequestAnalyzer;

/** Chooses the planner's model by configuration: the offline model by default, or an OpenAI-compatible endpoint. */
@ApplicationScoped
public class ChatModelProducer {

    @Produces
    @ApplicationScoped
    ChatModel chatModel(AgentConfig config, RequestAnalyzer analyzer) {
        if ("offline".equals(config.model())) {
            return new OfflineChatModel(analyzer);
        }
        if (!"openai".equals(config.model())) {
            throw new IllegalStateException("switchboard.agent.model must be 'offline' or 'openai', not '"
                    + config.model() + "'");
        }
        return OpenAiChatModel.builder()
                .baseUrl(config.baseUrl().orElse("https://api.openai.com/v1"))
                .apiKey(config.apiKey().orElse("none"))
                .modelName(config.modelName())
                .temperature(0.0)
                .timeout(config.timeout())
                .build();
    }
}

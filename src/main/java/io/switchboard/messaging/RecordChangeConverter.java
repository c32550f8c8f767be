package io.switchboard.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.MessageConverter;
import io.switchboard.apps.RecordChange;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/** Reads a record change that crossed RabbitMQ (JSON, as the connector wrote it) back into a {@link RecordChange}. */
@ApplicationScoped
class RecordChangeConverter implements MessageConverter {
    @Inject
    ObjectMapper json;

    @Override
    public boolean canConvert(Message<?> in, Type target) {
        Object payload = in.getPayload();
        return target == RecordChange.class
                && (payload instanceof JsonObject || payload instanceof Buffer || payload instanceof byte[]);
    }

    @Override
    public Message<?> convert(Message<?> in, Type target) {
        Object payload = in.getPayload();
        byte[] bytes = payload instanceof JsonObject object ? object.toBuffer().getBytes()
                : payload instanceof Buffer buffer ? buffer.getBytes() : (byte[]) payload;
        try {
            return in.withPayload(json.readValue(bytes, RecordChange.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Not a record change: " + e.getMessage(), e);
        }
    }
}

package io.switchboard.connections.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.type.TypeReference;

import io.switchboard.apps.JsonColumn;

/** Signed, self-describing sandbox codes and tokens; used codes and revoked tokens are remembered. */
@ApplicationScoped
public class SandboxTokens {
    private final Set<String> spent = ConcurrentHashMap.newKeySet();

    @Inject
    SandboxKeys keys;

    public String issue(Map<String, Object> claims) {
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(JsonColumn.write(claims).getBytes(StandardCharsets.UTF_8));
        return "sbx." + payload + "." + keys.sign(payload);
    }

    /** The claims of a valid, unexpired, unspent token of {@code type}. */
    public Optional<Map<String, Object>> read(String token, String type, Instant now) {
        if (token == null || !token.startsWith("sbx.") || spent.contains(token)) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        if (parts.length != 3 || !keys.verify(parts[1], parts[2])) {
            return Optional.empty();
        }
        Map<String, Object> claims = JsonColumn.read(new String(Base64.getUrlDecoder().decode(parts[1]),
                StandardCharsets.UTF_8), new TypeReference<Map<String, Object>>() {
                });
        if (!type.equals(claims.get("type")) || ((Number) claims.get("exp")).longValue() < now.getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(claims);
    }

    /** Marks a code or token as used up; returns false when it already was. */
    public boolean spend(String token) {
        return spent.add(token);
    }
}

package io.switchboard.connections.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs the sandbox's codes and tokens, so they verify without storage and cannot be forged. */
@ApplicationScoped
public class SandboxKeys {
    private final byte[] key;

    @jakarta.inject.Inject
    public SandboxKeys(io.switchboard.connections.vault.TokenVault vault) {
        this.key = vault.derive("sandbox-signing");
    }

    public String clientSecret(String connectorId) {
        return sign("client:" + connectorId);
    }

    public String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of a signature with the expected one. */
    public boolean verify(String payload, String signature) {
        return signature != null && MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}

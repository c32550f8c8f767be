package io.switchboard.connections.vault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * The vault's key: {@code SWITCHBOARD_ENCRYPTION_KEY} (base64 of 32 bytes) when set; otherwise, outside production,
 * one made once and kept in {@code SWITCHBOARD_DATA_DIR/encryption.key}.
 */
@ApplicationScoped
public class VaultProducer {

    @Produces
    @ApplicationScoped
    TokenVault vault(@ConfigProperty(name = "switchboard.encryption-key") Optional<String> key,
            @ConfigProperty(name = "switchboard.previous-encryption-keys") Optional<List<String>> previous,
            @ConfigProperty(name = "switchboard.data-dir") String dataDir) {
        byte[] current = key.filter(k -> !k.isBlank()).map(k -> Base64.getDecoder().decode(k.strip()))
                .orElseGet(() -> localKey(Path.of(dataDir)));
        return new TokenVault(current,
                previous.orElse(List.of()).stream().map(k -> Base64.getDecoder().decode(k.strip())).toList());
    }

    private static byte[] localKey(Path dataDir) {
        if (ConfigUtils.getProfiles().contains("prod") && LaunchMode.current() == LaunchMode.NORMAL) {
            throw new IllegalStateException("SWITCHBOARD_ENCRYPTION_KEY is required in production");
        }
        Path file = dataDir.resolve("encryption.key");
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            Files.createDirectories(dataDir);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the data dir's own permissions apply
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

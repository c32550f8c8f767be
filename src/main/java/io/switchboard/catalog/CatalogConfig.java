package io.switchboard.catalog;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "switchboard.catalog")
public interface CatalogConfig {
    /** Folder of connector files to read instead of the ones packaged with the service; unset by default. */
    Optional<Path> dir();
}

package io.switchboard.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Reads the {@code catalog/*.yaml} files, from a directory or from the classpath (a folder or the packaged jar). */
public final class CatalogFiles {
    private static final String FOLDER = "catalog/";

    private CatalogFiles() {
    }

    public static Map<String, String> fromDirectory(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            Map<String, String> out = new TreeMap<>();
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".yaml")).toList()) {
                out.put(file.getFileName().toString(), Files.readString(file));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, String> fromClasspath(ClassLoader loader) {
        Map<String, String> out = new TreeMap<>();
        try {
            for (URL url : Collections.list(loader.getResources(FOLDER))) {
                if ("file".equals(url.getProtocol())) {
                    out.putAll(fromDirectory(Path.of(url.toURI())));
                } else if ("jar".equals(url.getProtocol())) {
                    JarURLConnection connection = (JarURLConnection) url.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        for (JarEntry entry : Collections.list(jar.entries())) {
                            String name = entry.getName();
                            if (name.startsWith(FOLDER) && name.endsWith(".yaml") && name.indexOf('/', FOLDER.length()) < 0) {
                                try (InputStream in = jar.getInputStream(entry)) {
                                    out.put(name.substring(FOLDER.length()), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                                }
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}

package io.switchboard.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One case per catalog file: each loads on its own, clean. */
class CatalogFilesTest {
    static final Path DIR = Path.of("catalog");

    static Stream<String> files() {
        return CatalogFiles.fromDirectory(DIR).keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void file_loadsWithoutErrors(String file) {
        CatalogLoader.Result result = new CatalogLoader().load(Map.of(file, CatalogFiles.fromDirectory(DIR).get(file)));
        assertThat(result.errors()).isEmpty();
        Connector connector = result.connectors().get(0);
        assertThat(connector.examplePrompts()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(connector.actions()).allSatisfy(a -> assertThat(a.phrases()).hasSizeGreaterThanOrEqualTo(4));
    }
}

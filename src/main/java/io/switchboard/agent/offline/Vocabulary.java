package io.switchboard.agent.offline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The whole words the embedding model knows (its WordPiece vocabulary): ordinary English words and common names.
 * A word outside it is a made-up name, such as a product's ("Dentrix", "TeamSnap"), or a typo.
 */
final class Vocabulary {
    private static final Set<String> WORDS = load();

    private Vocabulary() {
    }

    /** True for a word the model knows as a whole, or whose singular it knows ("absences"). */
    static boolean knows(String word) {
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        return WORDS.contains(lower) || WORDS.contains(Words.singular(lower));
    }

    private static Set<String> load() {
        try (InputStream in = Vocabulary.class.getClassLoader().getResourceAsStream("all-minilm-l6-v2-tokenizer.json")) {
            if (in == null) {
                throw new IllegalStateException("all-minilm-l6-v2-tokenizer.json is not on the class path");
            }
            JsonNode vocab = new ObjectMapper().readTree(in).path("model").path("vocab");
            Set<String> words = new HashSet<>();
            vocab.fieldNames().forEachRemaining(w -> {
                if (!w.startsWith("##") && !w.startsWith("[")) {
                    words.add(w);
                }
            });
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

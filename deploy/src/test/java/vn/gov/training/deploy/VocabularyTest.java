package vn.gov.training.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.gov.training.platform.testing.RepoRoot;

/**
 * The one vocabulary ({@code docs/vocabulary.properties}, read by the console and the Excel files) is well formed,
 * and the words it rules out ({@code avoid.*}) appear nowhere in what the services and the console show: their main
 * sources, templates and messages. So "Cần lưu ý" next to "Cần xem xét", or "bồi hoàn" next to "đền bù", fails here.
 */
class VocabularyTest {

    static Path root;
    static Map<String, String> words;

    @BeforeAll
    static void read() throws IOException {
        root = RepoRoot.find();
        words = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("docs/vocabulary.properties"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            assertTrue(eq > 0, "not a key=word line: " + line);
            String key = line.substring(0, eq);
            if (words.put(key, line.substring(eq + 1)) != null) {
                duplicates.add(key);
            }
        }
        assertTrue(duplicates.isEmpty(), "keys given twice in docs/vocabulary.properties: " + duplicates);
    }

    @Test
    void everyWordIsGivenOnceAndWrittenInNfc() {
        List<String> bad = words.entrySet().stream()
                .filter(e -> e.getValue().isBlank() || !e.getKey().equals(e.getKey().strip())
                        || !e.getValue().equals(e.getValue().strip())
                        || !Normalizer.isNormalized(e.getValue(), Normalizer.Form.NFC))
                .map(Map.Entry::getKey).toList();
        assertTrue(bad.isEmpty(), "empty, padded or non-NFC words: " + bad);
    }

    @Test
    void theWordsToAvoidNameAWordToUseInstead() {
        List<String> dangling = words.keySet().stream().filter(k -> k.startsWith("avoid."))
                .map(k -> k.substring("avoid.".length()))
                .filter(k -> !words.containsKey(k) && !k.equals("repayment")).toList();
        assertTrue(dangling.isEmpty(), "avoid.* keys naming no word of the vocabulary: " + dangling);
    }

    @Test
    void noServiceOrConsoleUsesAWordTheVocabularyRulesOut() throws IOException {
        Map<String, String> avoided = new LinkedHashMap<>();
        words.forEach((key, value) -> {
            if (key.startsWith("avoid.")) {
                for (String word : value.split("\\|")) {
                    avoided.put(word.strip().toLowerCase(Locale.ROOT), key.substring("avoid.".length()));
                }
            }
        });
        List<String> found = new ArrayList<>();
        for (String module : List.of("gateway", "personnel-service", "course-service", "enrolment-service",
                "reporting-service")) {
            Path main = root.resolve(module).resolve("src/main");
            try (Stream<Path> files = Files.walk(main)) {
                for (Path file : files.filter(Files::isRegularFile).filter(VocabularyTest::shown).toList()) {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i).toLowerCase(Locale.ROOT);
                        for (var word : avoided.entrySet()) {
                            if (line.contains(word.getKey())) {
                                found.add(root.relativize(file) + ":" + (i + 1) + " \"" + word.getKey()
                                        + "\" (use the word of " + word.getValue() + ")");
                            }
                        }
                    }
                }
            }
        }
        assertTrue(found.isEmpty(), "words the vocabulary rules out: " + found);
    }

    private static boolean shown(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".java") || name.endsWith(".html") || name.endsWith(".properties")
                || name.endsWith(".txt");
    }
}

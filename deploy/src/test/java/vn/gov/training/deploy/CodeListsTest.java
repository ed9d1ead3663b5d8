package vn.gov.training.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.training.platform.testing.RepoRoot;
import vn.gov.training.platform.vocabulary.CodeLists;

/**
 * The code lists of {@link CodeLists} are the ones of the event schemas and of {@code docs/vocabulary.properties}: a
 * code added to a schema's enum and not to its list (or the other way round), or a code without its Vietnamese word,
 * fails here.
 */
class CodeListsTest {

    static Path root;
    static Properties words;

    @BeforeAll
    static void read() throws IOException {
        root = RepoRoot.find();
        words = new Properties();
        try (Reader in = Files.newBufferedReader(root.resolve("docs/vocabulary.properties"), StandardCharsets.UTF_8)) {
            words.load(in);
        }
    }

    @Test
    void everyEnumOfTheEventSchemasIsACodeList() throws IOException {
        List<Path> schemas = eventSchemas();
        assertEquals(4, schemas.size(), "event schemas found: " + schemas);
        List<String> unmatched = new ArrayList<>();
        for (Path schema : schemas) {
            JsonNode tree = new ObjectMapper().readTree(schema.toFile());
            collectEnums(tree, "", (path, codes) -> {
                if (CodeLists.ALL.stream().noneMatch(list -> Set.copyOf(list.codes()).equals(codes))) {
                    unmatched.add(root.relativize(schema) + " " + path + " " + codes);
                }
            });
        }
        assertTrue(unmatched.isEmpty(), "schema enums that are no list of CodeLists: " + unmatched);
    }

    @Test
    void everyListedCodeHasItsWord() {
        List<String> missing = CodeLists.ALL.stream()
                .flatMap(list -> list.codes().stream().map(list::labelKey))
                .filter(key -> key != null && words.getProperty(key) == null).distinct().toList();
        assertTrue(missing.isEmpty(), "codes without a word in docs/vocabulary.properties: " + missing);
    }

    @Test
    void theLevelWordsOfAKindNameAListedLevelOfIt() {
        List<String> dangling = words.stringPropertyNames().stream().filter(key -> key.startsWith("level."))
                .filter(key -> {
                    String[] parts = key.split("\\.");
                    boolean kind = CodeLists.QUALIFICATION_KINDS.contains(parts[1])
                            || CodeLists.PROGRAM_CATEGORIES.contains(parts[1]);
                    return parts.length != 3 || !kind || !CodeLists.allLevels().contains(parts[2]);
                }).toList();
        assertTrue(dangling.isEmpty(), "level.<kind>.<level> words of no listed kind or level: " + dangling);
    }

    @Test
    void theStaffCategoryPatternIsTheList() {
        assertEquals(String.join("|", CodeLists.STAFF_CATEGORIES.codes()), CodeLists.STAFF_CATEGORY_PATTERN);
    }

    @Test
    void everyKindHasItsLevels() {
        for (String kind : CodeLists.QUALIFICATION_KINDS.codes()) {
            assertTrue(CodeLists.ALL.contains(CodeLists.levelsOf(kind)), kind);
        }
        assertFalse(CodeLists.allLevels().isEmpty());
    }

    private static List<Path> eventSchemas() throws IOException {
        List<Path> schemas = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path events : modules.map(m -> m.resolve("src/main/resources/events")).filter(Files::isDirectory)
                    .toList()) {
                try (Stream<Path> files = Files.list(events)) {
                    files.filter(f -> f.getFileName().toString().endsWith(".schema.json")).sorted()
                            .forEach(schemas::add);
                }
            }
        }
        return schemas;
    }

    private interface EnumFound {
        void found(String path, Set<String> codes);
    }

    /** Every {@code enum} of the tree with its JSON path and its codes (null, for an optional field, left out). */
    private static void collectEnums(JsonNode node, String path, EnumFound found) {
        if (node.isObject()) {
            JsonNode codes = node.get("enum");
            if (codes != null && codes.isArray()) {
                Set<String> set = new HashSet<>();
                codes.forEach(c -> {
                    if (!c.isNull()) {
                        set.add(c.asText());
                    }
                });
                found.found(path, set);
            }
            node.properties().forEach(e -> collectEnums(e.getValue(), path + "/" + e.getKey(), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectEnums(node.get(i), path + "/" + i, found);
            }
        }
    }
}

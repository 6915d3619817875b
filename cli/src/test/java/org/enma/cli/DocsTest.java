package org.enma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The README and docs/ are the reference a newcomer has: every link in them leads to a file of the repository, none
 * to a file outside it, and docs/cli.md describes every command the enma command has.
 */
class DocsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** {@code [text](target)}, the target without a title. */
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

    private static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    /** The links of {@code doc} that point at no file of the repository (web links are not checked). */
    static List<String> brokenLinks(Path doc) throws IOException {
        List<String> broken = new ArrayList<>();
        Matcher m = LINK.matcher(Files.readString(doc));
        while (m.find()) {
            String target = m.group(1);
            if (target.startsWith("http://") || target.startsWith("https://") || target.startsWith("#")) {
                continue;
            }
            Path file = doc.getParent().resolve(target.replaceAll("#.*", "")).normalize();
            if (!file.startsWith(ROOT) || !Files.exists(file)) {
                broken.add(ROOT.relativize(doc) + ": " + target);
            }
        }
        return broken;
    }

    @Test
    void everyLinkOfTheReadmeAndDocsLeadsToAFileOfTheRepository() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path doc : documents()) {
            broken.addAll(brokenLinks(doc));
        }
        assertThat(broken).isEmpty();
        assertThat(documents()).hasSizeGreaterThan(5);
    }

    @Test
    void noDocumentSendsItsReaderOutsideTheRepository() throws IOException {
        for (Path doc : documents()) {
            assertThat(Files.readString(doc)).as(doc.toString()).doesNotContain("../shared")
                    .doesNotContain("DATA-MODEL.md").doesNotContain("ANALYTICS.md").doesNotContain("CSV-FORMATS.md")
                    .doesNotContain("STACK.md").doesNotContain("DESIGN.md");
        }
    }

    @Test
    void theLinkCheckFindsABrokenLink(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path doc = ROOT.resolve("docs").resolve("cli.md");
        assertThat(brokenLinks(doc)).isEmpty();
        Path bad = Files.writeString(dir.resolve("bad.md"), "see [the model](data-model.md) and [it](https://x.org)");
        assertThat(brokenLinks(bad)).hasSize(1);
    }

    @Test
    void docsCliDescribesEveryCommand() throws IOException {
        List<String> headings = Files.readAllLines(ROOT.resolve("docs/cli.md")).stream()
                .filter(l -> l.startsWith("### ")).toList();
        for (String command : new CommandLine(new Enma()).getSubcommands().keySet()) {
            assertThat(headings).as(command).anyMatch(h -> h.contains("`enma " + command + " ")
                    || h.contains("`enma " + command + "`"));
        }
    }

    @Test
    void completionPrintsABashScriptOfEveryCommand() {
        CliRun run = CliRun.of("completion", "bash");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("complete -F").contains("sql").contains("--format").contains("apikey");
        assertThat(CliRun.of("completion", "fish").exitCode()).isEqualTo(Enma.USAGE);
    }
}

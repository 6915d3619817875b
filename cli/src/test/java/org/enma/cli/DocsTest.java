package org.enma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.enma.config.Setting;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The README and docs/ are the reference a newcomer has: every link in them leads to a file of the repository, none
 * to a file outside it, every {@code org.enma} class or package and every {@code scripts/} file they name exists,
 * docs/configuration.md lists every setting, and docs/cli.md describes every command with the flags it has.
 */
class DocsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** {@code [text](target)}, the target without a title. */
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    /** A fully qualified ENMA class or package: {@code org.enma.jobs.Submit}, {@code org.enma.jobs.submit}. */
    private static final Pattern ENMA_NAME = Pattern.compile("org\\.enma(\\.[A-Za-z][A-Za-z0-9_]*)+");
    /** A path under scripts/, up to a character no path here holds; a glob ({@code bench-*}) names no one file. */
    private static final Pattern SCRIPT = Pattern.compile("scripts/[A-Za-z0-9_./*-]*[A-Za-z0-9_*]");
    private static final Pattern FLAG = Pattern.compile("--[a-z][a-z0-9-]*");

    private static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("CONTRIBUTING.md")));
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    /** What a name found in a document must satisfy. */
    @FunctionalInterface
    private interface Check {
        boolean holds(String found) throws IOException;
    }

    /** Group {@code group} of each match of {@code pattern} in {@code doc} that fails {@code check}, as "doc: match". */
    private static List<String> failing(Path doc, Pattern pattern, int group, Check check) throws IOException {
        List<String> failing = new ArrayList<>();
        Matcher m = pattern.matcher(Files.readString(doc));
        while (m.find()) {
            if (!check.holds(m.group(group))) {
                failing.add(ROOT.relativize(doc) + ": " + m.group(group));
            }
        }
        return failing;
    }

    /** The links of {@code doc} that point at no file of the repository (web links are not checked). */
    static List<String> brokenLinks(Path doc) throws IOException {
        return failing(doc, LINK, 1, target -> {
            if (target.startsWith("http://") || target.startsWith("https://") || target.startsWith("#")) {
                return true;
            }
            Path file = doc.getParent().resolve(target.replaceAll("#.*", "")).normalize();
            return file.startsWith(ROOT) && Files.exists(file);
        });
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

    /** The {@code org.enma} names of {@code doc} that are neither a source file nor a package of any module. */
    static List<String> unknownClasses(Path doc) throws IOException {
        return failing(doc, ENMA_NAME, 0, DocsTest::sourceExists);
    }

    /** Whether a module's main or test sources hold {@code name} as a class (nested ones by their outer class). */
    private static boolean sourceExists(String name) throws IOException {
        String path = name.replace('.', '/');
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                for (String tree : List.of("src/main/java/", "src/test/java/")) {
                    String candidate = path;
                    while (candidate.contains("/")) {
                        if (Files.exists(module.resolve(tree + candidate + ".java"))
                                || Files.isDirectory(module.resolve(tree + candidate)) && candidate.equals(path)) {
                            return true;
                        }
                        candidate = candidate.substring(0, candidate.lastIndexOf('/'));
                    }
                }
            }
        }
        return false;
    }

    /** The {@code scripts/} paths {@code doc} names that do not exist. */
    static List<String> missingScripts(Path doc) throws IOException {
        return failing(doc, SCRIPT, 0, path -> path.contains("*") || Files.exists(ROOT.resolve(path)));
    }

    @Test
    void everyClassAndScriptTheDocsNameExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path doc : documents()) {
            missing.addAll(unknownClasses(doc));
            missing.addAll(missingScripts(doc));
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theNameChecksFindAMissingClassAndScript(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path doc = Files.writeString(dir.resolve("doc.md"), "`org.enma.jobs.Submit`, the package `org.enma.jobs"
                + ".submit`, `org.enma.jobs.ot701.Ot701.main` and `scripts/enma`, `scripts/lib/jvm.sh`; gone:"
                + " `org.enma.jobs.Gone`, `org.enma.nowhere`, `scripts/bench-gone`. A glob: `scripts/bench-*`.");
        assertThat(unknownClasses(doc)).extracting(line -> line.substring(line.lastIndexOf(' ') + 1))
                .containsExactly("org.enma.jobs.Gone", "org.enma.nowhere");
        assertThat(missingScripts(doc)).extracting(line -> line.substring(line.lastIndexOf(' ') + 1))
                .containsExactly("scripts/bench-gone");
    }

    @Test
    void docsConfigurationListsEverySetting() throws IOException {
        List<String> rows = Files.readAllLines(ROOT.resolve("docs/configuration.md")).stream()
                .filter(l -> l.startsWith("| `")).toList();
        for (Setting setting : Setting.values()) {
            assertThat(rows).as(setting.key()).anyMatch(row -> row.startsWith("| `" + setting.key() + "` |")
                    && row.contains("`" + setting.envVariable() + "`") && row.contains("`" + setting.flag() + "`")
                    && (setting.defaultValue().isEmpty() ? row.contains("| empty")
                    : row.contains("| `" + setting.defaultValue() + "`")));
        }
        assertThat(rows).hasSize(Setting.values().length);
    }

    /**
     * Each command's section of docs/cli.md (the {@code ###} headings naming it, to the next heading): every flag of
     * the command and its subcommands appears in it, and every flag its heading shows is one of them. The settings'
     * flags every command takes live in docs/configuration.md.
     */
    @Test
    void docsCliShowsEachCommandsFlags() throws IOException {
        Map<String, String> sections = cliSections();
        List<String> wrong = new ArrayList<>();
        Set<String> shared = new HashSet<>(List.of("--help", "--version", "--verbose"));
        for (Setting setting : Setting.values()) {
            shared.add(setting.flag());
        }
        Map<String, Set<String>> flagsOf = new LinkedHashMap<>();
        new CommandLine(new Enma()).getSubcommands().forEach((name, command) -> {
            Set<String> flags = new TreeSet<>();
            collectFlags(command, flags);
            flags.removeAll(shared);
            flagsOf.put(name, flags);
        });
        sections.forEach((heading, text) -> {
            Set<String> named = new TreeSet<>();
            flagsOf.forEach((name, flags) -> {
                if (heading.contains("`enma " + name + " ") || heading.contains("`enma " + name + "`")) {
                    named.addAll(flags);
                    flags.stream().filter(flag -> !FLAG.matcher(text).results().map(MatchResult::group).toList()
                            .contains(flag)).forEach(flag -> wrong.add(name + ": " + flag + " is not in docs/cli.md"));
                }
            });
            Matcher shown = FLAG.matcher(heading);
            while (shown.find()) {
                if (!named.contains(shown.group()) && !shared.contains(shown.group())) {
                    wrong.add(heading + ": shows " + shown.group() + ", which its commands do not take");
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    private static void collectFlags(CommandLine command, Set<String> flags) {
        for (CommandLine.Model.OptionSpec option : command.getCommandSpec().options()) {
            flags.addAll(List.of(option.names()).stream().filter(n -> n.startsWith("--")).toList());
        }
        command.getSubcommands().values().forEach(sub -> collectFlags(sub, flags));
    }

    /** docs/cli.md's {@code ###} sections: heading line → heading and text up to the next heading. */
    private static Map<String, String> cliSections() throws IOException {
        Map<String, String> sections = new LinkedHashMap<>();
        String heading = null;
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(ROOT.resolve("docs/cli.md"))) {
            if (line.startsWith("#")) {
                if (heading != null) {
                    sections.put(heading, text.toString());
                }
                heading = line.startsWith("### ") ? line : null;
                text.setLength(0);
            }
            text.append(line).append('\n');
        }
        if (heading != null) {
            sections.put(heading, text.toString());
        }
        return sections;
    }

    @Test
    void completionPrintsABashScriptOfEveryCommand() {
        CliRun run = CliRun.of("completion", "bash");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("complete -F").contains("sql").contains("--format").contains("apikey");
        assertThat(CliRun.of("completion", "fish").exitCode()).isEqualTo(Enma.USAGE);
    }
}

package org.xmailkit.migrate.doc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xmailkit.migrate.MigrationStep;
import org.xmailkit.model.Reference;
import org.xmailkit.model.testing.SourceLists;

/**
 * Writes what is generated from the migration step classes: the list the migration runs
 * ({@code org.xmailkit.migrate.steps.Steps}, every step class of that package in {@link MigrationStep#order()}) and
 * the step docs ({@code docs/steps}). Run it after adding or removing a step: {@link #REGENERATE}.
 * {@code StepListsTest} fails while either is stale.
 */
public final class StepLists {

    /** The command that regenerates the list and the docs, run from the repository root. */
    public static final String REGENERATE = "mvn -B -q -pl migrate -am process-test-classes -Pcatalogue";

    private static final String PACKAGE = "org.xmailkit.migrate.steps";
    private static final String BANNER = "<!-- Generated from the migration steps by " + StepLists.class.getName()
            + ". Do not edit: change the step (its class and its texts under migrate/src/main/resources/org/xmailkit/"
            + "migrate/), then run: " + REGENERATE + " -->";

    private StepLists() {}

    /**
     * @param args the migrate module's main source directory and the step docs directory
     * @throws IOException when a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        List<MigrationStep> steps = discover();
        Path list = file(Path.of(args[0]));
        if (SourceLists.write(list, source(steps))) {
            System.out.println("wrote " + list);
        }
        Path dir = Path.of(args[1]);
        Files.createDirectories(dir);
        Map<String, String> pages = pages(steps);
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "*.md")) {
            for (Path p : old) {
                if (!pages.containsKey(p.getFileName().toString())) {
                    Files.delete(p);
                }
            }
        }
        for (Map.Entry<String, String> e : pages.entrySet()) {
            SourceLists.write(dir.resolve(e.getKey()), e.getValue());
        }
    }

    /**
     * @param sources the module's main source directory
     * @return the list's source file
     */
    static Path file(Path sources) {
        return sources.resolve(PACKAGE.replace('.', '/') + "/Steps.java");
    }

    /**
     * @return every step class of the steps package, made once, in their order
     * @throws IllegalStateException when two steps share an order or an id
     */
    static List<MigrationStep> discover() {
        List<MigrationStep> steps =
                new ArrayList<>(SourceLists.instances(MigrationStep.class, PACKAGE, StepLists.class.getClassLoader()));
        steps.sort(Comparator.comparingInt(MigrationStep::order));
        for (int i = 1; i < steps.size(); i++) {
            MigrationStep a = steps.get(i - 1);
            MigrationStep b = steps.get(i);
            if (a.order() == b.order()) {
                throw new IllegalStateException(a.id() + " and " + b.id() + " both run at " + a.order());
            }
        }
        if (steps.stream().map(MigrationStep::id).distinct().count() != steps.size()) {
            throw new IllegalStateException("two steps share an id");
        }
        return List.copyOf(steps);
    }

    /**
     * @param steps the steps, in order
     * @return the source of the list class
     */
    static String source(List<MigrationStep> steps) {
        List<String> imports =
                new ArrayList<>(List.of("java.util.List", "java.util.Optional", "org.xmailkit.migrate.MigrationStep"));
        List<SourceLists.Element> elements = new ArrayList<>();
        for (MigrationStep s : steps) {
            elements.add(new SourceLists.Element(s.getClass().getSimpleName(), s.order() + " " + s.id()));
        }
        List<String> doc = List.of(
                "Every migration step, in the order they run ({@link MigrationStep#order()}).",
                "",
                "<p>Generated from the step classes of this package by",
                "{@code " + StepLists.class.getName() + "}: do not edit. Add or remove a step class, then run",
                "{@code " + REGENERATE + "}.");
        String members = """
                    /**
                     * @param id a step id
                     * @return the step
                     */
                    public static Optional<MigrationStep> byId(String id) {
                        return ALL.stream().filter(s -> s.id().equals(id)).findFirst();
                    }
                """;
        return SourceLists.render(
                PACKAGE, imports.stream().sorted().toList(), doc, "Steps", "MigrationStep", elements, members);
    }

    /**
     * @param steps the steps, in order
     * @return file name to content: README.md, then one page per step
     */
    static Map<String, String> pages(List<MigrationStep> steps) {
        Map<String, String> out = new LinkedHashMap<>();
        StringBuilder index = new StringBuilder(BANNER).append("\n\n");
        index.append("# xmailkit migration steps / 移行ステップ一覧\n\n");
        index.append("`xmailkit migrate` runs these steps in this order over every server; each decides for itself ");
        index.append("whether it has anything to do, and a second run changes nothing.\n\n");
        index.append("`xmailkit migrate` はすべてのサーバーに対してこの順にステップを実行します。各ステップは自分に");
        index.append("することがあるかを判断し、2 回目の実行では何も変わりません。\n\n");
        index.append("| Order / 順序 | Step / ステップ | Why / 理由 | 理由 |\n|---|---|---|---|\n");
        for (MigrationStep s : steps) {
            index.append("| ")
                    .append(s.order())
                    .append(" | [")
                    .append(s.id())
                    .append("](")
                    .append(s.id())
                    .append(".md) | ")
                    .append(cell(s.reason().render(Locale.ENGLISH)))
                    .append(" | ")
                    .append(cell(s.reason().render(Locale.JAPANESE)))
                    .append(" |\n");
        }
        out.put("README.md", index.toString());
        for (MigrationStep s : steps) {
            StringBuilder b = new StringBuilder(BANNER).append("\n\n");
            b.append("# ").append(s.id()).append("\n\n");
            b.append("| | |\n|---|---|\n");
            b.append("| Order / 順序 | ").append(s.order()).append(" |\n");
            b.append("| Class / クラス | `").append(s.getClass().getName()).append("` |\n\n");
            b.append("## English\n\n").append(s.reason().render(Locale.ENGLISH)).append("\n\n");
            b.append("## 日本語\n\n").append(s.reason().render(Locale.JAPANESE)).append("\n\n");
            b.append("## Facts / 根拠\n\n");
            for (Reference r : s.facts()) {
                b.append("- ")
                        .append(r.display())
                        .append(r.url().isEmpty() ? "" : " <" + r.url() + ">")
                        .append('\n');
            }
            out.put(s.id() + ".md", b.toString());
        }
        return out;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /**
     * @param file a file
     * @return its content, or "" when it does not exist
     * @throws IOException when it cannot be read
     */
    static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}

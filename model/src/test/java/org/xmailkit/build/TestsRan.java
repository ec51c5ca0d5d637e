package org.xmailkit.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Fails the build when a class holding tests did not run. The test classes are found the way the test engines on
 * the module's test class path find them (JUnit Jupiter and jqwik discovery over {@code target/test-classes}), so
 * abstract base classes are not counted and nested test classes ({@code @Nested}, jqwik {@code @Group}) count as
 * part of the class that holds them; each class found must have a surefire or failsafe report with at least one test.
 * A class whose name matches neither runner's includes, for one, is reported instead of silently never running.
 * Under {@code CI=true} a skipped test fails the build too.
 *
 * <p>Run in the {@code verify} phase of each module with tests (parent POM), as
 * {@code java -cp <test class path> org.xmailkit.build.TestsRan <target dir> [option=value...]}; the options say
 * what the developer asked Maven for ({@code skipTests}, {@code skipITs}, {@code test}, {@code it.test}), so that a
 * run of one test class or a build without tests is not taken for a missing run.
 */
public final class TestsRan {

    /** Names failsafe runs by default; with {@code skipITs} such classes are not expected to have run. */
    static final Pattern IT_NAME = Pattern.compile("(?:.*\\.)?(?:IT[^.]*|[^.]*IT|[^.]*ITCase)");

    private TestsRan() {}

    /**
     * What the reports say about one test class.
     *
     * @param tests   test cases reported
     * @param skipped of which skipped
     */
    record Report(int tests, int skipped) {}

    /**
     * The outcome.
     *
     * @param found   the test classes the engines found (top-level and standalone nested classes, binary names)
     * @param notRun  those without a report holding a test
     * @param skipped report names with skipped tests, with their count
     */
    record Result(Set<String> found, Set<String> notRun, Map<String, Integer> skipped) {}

    /**
     * @param args the module's target directory, then {@code skipTests=}, {@code skipITs=}, {@code test=},
     *             {@code it.test=} as Maven had them (unset properties arrive as {@code ${...}})
     */
    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        Map<String, String> options = new TreeMap<>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            String value = args[i].substring(eq + 1);
            options.put(args[i].substring(0, eq), value.startsWith("${") ? "" : value.strip());
        }
        if (isTrue(options.get("skipTests"))
                || !options.getOrDefault("test", "").isEmpty()
                || !options.getOrDefault("it.test", "").isEmpty()) {
            System.out.println("[tests-ran] not checked: only some tests, or none, were asked for");
            return;
        }
        Path classes = target.resolve("test-classes");
        if (!Files.isDirectory(classes)) {
            return;
        }
        boolean skipIts = isTrue(options.get("skipITs"));
        Result r = check(
                classes,
                List.of(target.resolve("surefire-reports"), target.resolve("failsafe-reports")),
                Thread.currentThread().getContextClassLoader());
        Set<String> missing = new TreeSet<>();
        for (String c : r.notRun()) {
            if (!(skipIts && IT_NAME.matcher(c).matches())) {
                missing.add(c);
            }
        }
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        System.out.println("[tests-ran] " + r.found().size() + " test classes found, "
                + (r.found().size() - r.notRun().size()) + " ran"
                + (r.skipped().isEmpty() ? "" : ", with skipped tests: " + r.skipped()));
        List<String> errors = new ArrayList<>();
        if (!missing.isEmpty()) {
            errors.add(missing.size() + " test class(es) did not run: " + String.join(", ", missing)
                    + ". Unit test classes are named *Test or *Tests (surefire), end-to-end ones *IT (failsafe).");
        }
        if (ci && !r.skipped().isEmpty()) {
            errors.add("with CI=true no test may be skipped: " + r.skipped());
        }
        if (!errors.isEmpty()) {
            errors.forEach(e -> System.err.println("[tests-ran] " + e));
            System.exit(1);
        }
    }

    private static boolean isTrue(String value) {
        return "true".equalsIgnoreCase(value);
    }

    /**
     * @param testClasses the compiled test classes
     * @param reportDirs  where surefire and failsafe wrote their XML reports (missing directories are fine)
     * @param loader      a class loader that sees the test classes and the test engines
     * @return what was found and what did not run
     * @throws IOException when a report cannot be read
     */
    static Result check(Path testClasses, List<Path> reportDirs, ClassLoader loader) throws IOException {
        Set<String> found = discover(testClasses, loader);
        Map<String, Report> reports = reports(reportDirs);
        Set<String> notRun = new TreeSet<>();
        for (String c : found) {
            boolean ran = reports.entrySet().stream()
                    .anyMatch(e -> e.getValue().tests() > 0
                            && (e.getKey().equals(c) || e.getKey().startsWith(c + "$")));
            if (!ran) {
                notRun.add(c);
            }
        }
        Map<String, Integer> skipped = new TreeMap<>();
        reports.forEach((name, rep) -> {
            if (rep.skipped() > 0) {
                skipped.put(name, rep.skipped());
            }
        });
        return new Result(found, notRun, skipped);
    }

    /**
     * The classes the engines find directly under the engine roots: top-level test classes and static nested
     * classes that hold tests on their own. Classes nested in a found class ({@code @Nested}, {@code @Group}) run
     * with it and are not listed.
     */
    static Set<String> discover(Path testClasses, ClassLoader loader) {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(DiscoverySelectors.selectClasspathRoots(Set.of(testClasses)))
                    .build();
            Launcher launcher = LauncherFactory.create();
            TestPlan plan = launcher.discover(request);
            Set<String> out = new TreeSet<>();
            for (TestIdentifier root : plan.getRoots()) {
                for (TestIdentifier child : plan.getChildren(root)) {
                    className(child).ifPresent(out::add);
                }
            }
            return out;
        } finally {
            t.setContextClassLoader(before);
        }
    }

    private static Optional<String> className(TestIdentifier id) {
        TestSource s = id.getSource().orElse(null);
        return s instanceof ClassSource c ? Optional.of(c.getClassName()) : Optional.empty();
    }

    /** Every {@code TEST-<class>.xml} report under the directories, by class name. */
    static Map<String, Report> reports(List<Path> dirs) throws IOException {
        Map<String, Report> out = new TreeMap<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "TEST-*.xml")) {
                for (Path f : files) {
                    String name = f.getFileName().toString();
                    Report r = report(f);
                    out.merge(
                            name.substring("TEST-".length(), name.length() - ".xml".length()),
                            r,
                            (a, b) -> new Report(a.tests() + b.tests(), a.skipped() + b.skipped()));
                }
            }
        }
        return out;
    }

    private static Report report(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder b = f.newDocumentBuilder();
            Document d = b.parse(in);
            NodeList cases = d.getElementsByTagName("testcase");
            int skipped = 0;
            for (int i = 0; i < cases.getLength(); i++) {
                if (((Element) cases.item(i)).getElementsByTagName("skipped").getLength() > 0) {
                    skipped++;
                }
            }
            return new Report(cases.getLength(), skipped);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(file + ": not a test report: " + e.getMessage(), e);
        }
    }
}

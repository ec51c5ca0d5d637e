package org.xmailkit.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import net.jqwik.api.Property;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The check over a small module compiled for the test: classes the engines find and their reports, abstract bases,
 * nested classes, a class named so that no runner includes it, skipped tests.
 */
class TestsRanTest {

    @TempDir
    Path tmp;

    private static final Map<String, String> SOURCES = Map.of(
            "fx/AbstractBase.java", """
                    package fx;
                    public abstract class AbstractBase {
                        @org.junit.jupiter.api.Test void inherited() { }
                    }
                    """,
            "fx/ConcreteTest.java", """
                    package fx;
                    class ConcreteTest extends AbstractBase { }
                    """,
            "fx/WithNestedTest.java", """
                    package fx;
                    class WithNestedTest {
                        @org.junit.jupiter.api.Nested class Inner {
                            @org.junit.jupiter.api.Test void t() { }
                        }
                    }
                    """,
            "fx/MisnamedProperties.java", """
                    package fx;
                    class MisnamedProperties {
                        @net.jqwik.api.Property void p(@net.jqwik.api.ForAll int i) { }
                    }
                    """,
            "fx/GroupedPropertiesTest.java", """
                    package fx;
                    class GroupedPropertiesTest {
                        @net.jqwik.api.Group class Inner {
                            @net.jqwik.api.Example void e() { }
                        }
                    }
                    """,
            "fx/Holder.java", """
                    package fx;
                    class Holder {
                        static class StaticTests {
                            @org.junit.jupiter.api.Test void t() { }
                        }
                    }
                    """,
            "fx/ParamTest.java", """
                    package fx;
                    class ParamTest {
                        @org.junit.jupiter.params.ParameterizedTest
                        @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2})
                        void p(int i) { }
                    }
                    """,
            "fx/FactoryTest.java", """
                    package fx;
                    class FactoryTest {
                        @org.junit.jupiter.api.TestFactory java.util.List<org.junit.jupiter.api.DynamicTest> f() {
                            return java.util.List.of();
                        }
                    }
                    """,
            "fx/Helper.java", """
                    package fx;
                    class Helper {
                        static int twice(int i) { return 2 * i; }
                    }
                    """);

    /** Compiles the fixture module into {@code dir}. */
    private static void compile(Path src, Path dir) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "-d",
                dir.toString(),
                "-proc:none",
                "-nowarn",
                "-classpath",
                String.join(
                        File.pathSeparator,
                        location(Test.class),
                        location(ParameterizedTest.class),
                        location(Property.class),
                        location(API.class))));
        try (Stream<Path> s = Files.walk(src)) {
            s.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "the fixture compiles");
    }

    private static String location(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
    }

    private static void report(Path dir, String className, int tests, int skipped) throws Exception {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"")
                .append(className)
                .append("\">\n");
        for (int i = 0; i < tests; i++) {
            b.append("  <testcase name=\"t")
                    .append(i)
                    .append("\" classname=\"")
                    .append(className)
                    .append("\">")
                    .append(i < skipped ? "<skipped/>" : "")
                    .append("</testcase>\n");
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("TEST-" + className + ".xml"), b.append("</testsuite>\n"));
    }

    @Test
    void classesTheEnginesFindMustHaveAReportWithATest() throws Exception {
        Path src = tmp.resolve("src");
        for (Map.Entry<String, String> e : SOURCES.entrySet()) {
            Files.createDirectories(src.resolve(e.getKey()).getParent());
            Files.writeString(src.resolve(e.getKey()), e.getValue());
        }
        Path classes = Files.createDirectories(tmp.resolve("test-classes"));
        compile(src, classes);
        Path surefire = tmp.resolve("surefire-reports");
        Path failsafe = tmp.resolve("failsafe-reports");
        report(surefire, "fx.ConcreteTest", 1, 0);
        report(failsafe, "fx.WithNestedTest$Inner", 1, 0);
        report(surefire, "fx.GroupedPropertiesTest", 1, 0);
        report(surefire, "fx.ParamTest", 2, 1);
        report(surefire, "fx.FactoryTest", 0, 0);

        TestsRan.Result r;
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            r = TestsRan.check(classes, List.of(surefire, failsafe, tmp.resolve("absent")), loader);
        }

        assertEquals(
                Set.of(
                        "fx.ConcreteTest",
                        "fx.WithNestedTest",
                        "fx.MisnamedProperties",
                        "fx.GroupedPropertiesTest",
                        "fx.Holder$StaticTests",
                        "fx.ParamTest",
                        "fx.FactoryTest"),
                r.found(),
                "no abstract base, no class nested in a test class, no helper");
        assertEquals(Set.of("fx.MisnamedProperties", "fx.Holder$StaticTests", "fx.FactoryTest"), r.notRun());
        assertEquals(Map.of("fx.ParamTest", 1), r.skipped());
    }

    @Test
    void endToEndNamesAreRecognisedForSkipIts() {
        for (String it : List.of("org.x.PackagedCliIT", "org.x.ITBrowser", "org.x.LongITCase")) {
            assertTrue(TestsRan.IT_NAME.matcher(it).matches(), it);
        }
        for (String unit : List.of("org.x.MigratorTest", "org.ITx.FooTest", "org.x.Item")) {
            assertFalse(TestsRan.IT_NAME.matcher(unit).matches(), unit);
        }
    }
}

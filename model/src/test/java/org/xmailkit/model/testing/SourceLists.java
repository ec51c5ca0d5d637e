package org.xmailkit.model.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The build-time side of the explicit lists the code keeps (the rule groups' {@code <Prefix>Rules}, the migration's
 * {@code Steps}): finds the classes a list must hold in the compiled classes, and writes the list as Java source, so
 * that adding a rule or a step is writing its class, its texts and its test, and regenerating. Production code never
 * discovers anything: it reads the generated list. Development tool only (reflection over the class directory).
 */
public final class SourceLists {

    private SourceLists() {}

    /**
     * One element of a generated list.
     *
     * @param simpleName the class's simple name
     * @param comment    what the trailing comment says (the rule id, the step's position and id)
     */
    public record Element(String simpleName, String comment) {}

    /**
     * Finds every concrete public class of a package (not its sub-packages) that implements {@code type} and has a
     * public constructor without parameters, and makes one of each.
     *
     * @param type        the interface
     * @param packageName the package, e.g. {@code org.xmailkit.audit.rules.sec}
     * @param loader      where the compiled classes are
     * @param <T>         the interface
     * @return one instance per class, in class-name order
     */
    public static <T> List<T> instances(Class<T> type, String packageName, ClassLoader loader) {
        // The package may be in several class directories (main classes, test classes): all of them.
        NavigableSet<String> names = new TreeSet<>();
        try {
            for (URL url : loader.resources(packageName.replace('.', '/')).toList()) {
                if (!url.getProtocol().equals("file")) {
                    continue;
                }
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    files.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".class") && !n.contains("$"))
                            .map(n -> n.substring(0, n.length() - ".class".length()))
                            .forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<T> out = new ArrayList<>();
        for (String n : names) {
            try {
                Class<?> c = Class.forName(packageName + "." + n, false, loader);
                int m = c.getModifiers();
                if (!type.isAssignableFrom(c) || c.isInterface() || Modifier.isAbstract(m) || !Modifier.isPublic(m)) {
                    continue;
                }
                Constructor<?> ctor;
                try {
                    ctor = c.getConstructor();
                } catch (NoSuchMethodException e) {
                    continue;
                }
                out.add(type.cast(ctor.newInstance()));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make " + packageName + "." + n + ": " + e, e);
            }
        }
        return out;
    }

    /**
     * Renders a generated list class.
     *
     * @param packageName the list's package
     * @param imports     the classes to import, in order
     * @param javadoc     the class's javadoc lines, without the comment markers
     * @param className   the class name
     * @param elementType the list's element type, e.g. {@code Rule}
     * @param elements    the elements, in list order
     * @param members     more members after the list and the private constructor (may be empty)
     * @return the source
     */
    public static String render(
            String packageName,
            List<String> imports,
            List<String> javadoc,
            String className,
            String elementType,
            List<Element> elements,
            String members) {
        StringBuilder b = new StringBuilder();
        b.append("package ").append(packageName).append(";\n\n");
        imports.forEach(i -> b.append("import ").append(i).append(";\n"));
        b.append("\n/**\n");
        javadoc.forEach(l -> b.append(l.isEmpty() ? " *\n" : " * " + l + "\n"));
        b.append(" */\npublic final class ").append(className).append(" {\n\n");
        b.append("    /** In order; generated, see the class comment. */\n");
        b.append("    public static final List<").append(elementType).append("> ALL = List.of(");
        int width = 0;
        for (Element e : elements) {
            width = Math.max(width, e.simpleName().length() + "new (),".length());
        }
        for (int i = 0; i < elements.size(); i++) {
            Element e = elements.get(i);
            String item = "new " + e.simpleName() + "()" + (i + 1 < elements.size() ? "," : ");");
            b.append("\n            ")
                    .append(item)
                    .append(" ".repeat(Math.max(1, width + 2 - item.length())))
                    .append("// ")
                    .append(e.comment());
        }
        if (elements.isEmpty()) {
            b.append(");");
        }
        b.append("\n\n    private ").append(className).append("() {\n    }\n");
        if (!members.isEmpty()) {
            b.append("\n").append(members);
        }
        b.append("}\n");
        return b.toString();
    }

    /**
     * @param file    a source file
     * @param content what it should hold
     * @return whether it was changed
     * @throws IOException when it cannot be written
     */
    public static boolean write(Path file, String content) throws IOException {
        if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
            return false;
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return true;
    }
}

package io.scimgate.conformance;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Disabled;
import org.junit.platform.commons.annotation.Testable;

/**
 * The conformance tests of this module, found in its compiled test classes (every class of this
 * package, nested ones included), so that a new test class is seen without being listed anywhere.
 */
final class ConformanceTests {

    private ConformanceTests() {
    }

    /** Every method of every class of the package, ordered by class and method name. */
    static List<Method> methods() {
        List<Method> methods = new ArrayList<>();
        for (Class<?> type : classes()) {
            methods.addAll(List.of(type.getDeclaredMethods()));
        }
        methods.sort(Comparator.comparing(ConformanceTests::name));
        return methods;
    }

    static String name(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }

    /** Whether JUnit runs this method: a test (@Test, @ParameterizedTest, …) that is not @Disabled. */
    static boolean runs(Method method) {
        return testable(method, new HashSet<>()) && !method.isAnnotationPresent(Disabled.class)
                && !method.getDeclaringClass().isAnnotationPresent(Disabled.class);
    }

    private static boolean testable(AnnotatedElement element, Set<Class<?>> seen) {
        for (Annotation annotation : element.getAnnotations()) {
            Class<? extends Annotation> type = annotation.annotationType();
            if (type == Testable.class || (seen.add(type) && testable(type, seen))) {
                return true;
            }
        }
        return false;
    }

    private static List<Class<?>> classes() {
        String packageName = ConformanceTests.class.getPackageName();
        Path directory = compiledTestClasses().resolve(packageName.replace('.', '/'));
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).sorted().toList()) {
                String simpleName = file.getFileName().toString().replaceFirst("\\.class$", "");
                Class<?> type = Class.forName(packageName + "." + simpleName, false, ConformanceTests.class.getClassLoader());
                if (!type.isAnonymousClass() && !type.isSynthetic()) {
                    classes.add(type);
                }
            }
        } catch (java.io.IOException | ClassNotFoundException e) {
            throw new IllegalStateException("Cannot list the test classes in " + directory, e);
        }
        return classes;
    }

    private static Path compiledTestClasses() {
        try {
            Path location = Path.of(ConformanceTests.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isDirectory(location)) {
                throw new IllegalStateException("The conformance tests run from " + location
                        + ", not from a directory of compiled classes");
            }
            return location;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

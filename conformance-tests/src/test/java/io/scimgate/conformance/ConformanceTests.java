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
import io.scimgate.conformance.suite.Tenant;
import org.junit.platform.commons.annotation.Testable;

/**
 * The conformance tests of this module, found in its compiled classes (every class of the suite's
 * package and of this one, nested ones included), so that a new test class is seen without being
 * listed anywhere.
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

    /** The suite's classes (the runnable artifact's) and those of this package of the module's own tests. */
    private static List<Class<?>> classes() {
        List<Class<?>> classes = new ArrayList<>(classesBeside(Tenant.class));
        classes.addAll(classesBeside(ConformanceTests.class));
        return classes;
    }

    /** The classes of {@code anchor}'s package in the directory of compiled classes it was loaded from. */
    private static List<Class<?>> classesBeside(Class<?> anchor) {
        String packageName = anchor.getPackageName();
        Path directory = compiledClasses(anchor).resolve(packageName.replace('.', '/'));
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).sorted().toList()) {
                String simpleName = file.getFileName().toString().replaceFirst("\\.class$", "");
                Class<?> type = Class.forName(packageName + "." + simpleName, false, anchor.getClassLoader());
                if (!type.isAnonymousClass() && !type.isSynthetic()) {
                    classes.add(type);
                }
            }
        } catch (java.io.IOException | ClassNotFoundException e) {
            throw new IllegalStateException("Cannot list the classes in " + directory, e);
        }
        return classes;
    }

    private static Path compiledClasses(Class<?> anchor) {
        try {
            Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
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

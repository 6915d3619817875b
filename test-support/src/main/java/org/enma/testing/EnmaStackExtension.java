package org.enma.testing;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class a {@link TestStack} parameter (in {@code @BeforeAll}, constructors or tests). The HBase mini
 * cluster and the Mongo server are shared by the whole JVM (kept in the root store, closed at the end of the run);
 * each test class gets its own namespace and database.
 */
public final class EnmaStackExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(EnmaStackExtension.class);
    private static final AtomicInteger CLASSES = new AtomicInteger();

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        SharedStack shared = context.getRoot().getStore(STORE)
                .getOrComputeIfAbsent(SharedStack.class, k -> SharedStack.start(), SharedStack.class);
        Class<?> testClass = context.getRequiredTestClass();
        // Keyed by class in the root store, so every test method of a class sees the same namespace.
        return context.getRoot().getStore(STORE).getOrComputeIfAbsent(testClass,
                k -> newStack(shared, testClass), TestStack.class);
    }

    private static TestStack newStack(SharedStack shared, Class<?> testClass) {
        String name = "t" + CLASSES.incrementAndGet() + "_"
                + testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return new TestStack(shared, name, name);
    }
}

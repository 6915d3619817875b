package org.enma.testing;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class a {@link TestStack} parameter (in {@code @BeforeAll}, constructors or tests), and in modules
 * with Spark a {@code SparkSession} one. The HBase mini cluster, the Mongo server and the SparkSession are shared by
 * the whole JVM (kept in the root store, closed at the end of the run); each test class gets its own namespace and
 * database.
 */
public final class EnmaStackExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(EnmaStackExtension.class);
    private static final AtomicInteger CLASSES = new AtomicInteger();

    /** Compared by name, so that modules without Spark never load its classes. */
    private static final String SPARK_SESSION = "org.apache.spark.sql.SparkSession";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestStack.class || type.getName().equals(SPARK_SESSION);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType().getName().equals(SPARK_SESSION)) {
            return context.getRoot().getStore(STORE)
                    .getOrComputeIfAbsent(SharedSpark.class, k -> SharedSpark.start(), SharedSpark.class).session();
        }
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

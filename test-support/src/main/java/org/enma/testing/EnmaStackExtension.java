package org.enma.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class a {@link TestStack} parameter (in {@code @BeforeAll}, constructors or tests), and in modules
 * with Spark a {@code SparkSession} one. The HBase mini cluster, the Mongo server and the SparkSession are shared by
 * the whole JVM ({@link SharedStack}; Spark's session in the root store); each test class gets its own namespace and
 * database.
 */
public final class EnmaStackExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(EnmaStackExtension.class);

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
        Class<?> testClass = context.getRequiredTestClass();
        // Keyed by class in the root store, so every test method of a class sees the same namespace.
        return context.getRoot().getStore(STORE).getOrComputeIfAbsent(testClass,
                k -> TestStack.forClass(testClass), TestStack.class);
    }
}

package org.enma.jobs.rollup;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import org.apache.hadoop.hbase.io.MetricsIO;
import org.apache.hadoop.hbase.io.MetricsIOSource;
import org.apache.hadoop.hbase.io.MetricsIOWrapper;
import org.apache.hadoop.hbase.io.MetricsIOWrapperImpl;

/**
 * HBase's HFile reader and writer report their latencies to a process-wide {@link MetricsIO}, created on first use
 * with a Hadoop metrics source. In a Spark executor (or a {@code spark-submit} driver) that loaded HBase from the job
 * jar, creating that source fails: the package {@code org.apache.hadoop.metrics2.lib} is split between HBase's half
 * in the job jar's class loader and Hadoop's in Spark's own, and the first file written died with {@code
 * IllegalAccessError: failed to access class org.apache.hadoop.metrics2.lib.MetricsInfoImpl} (then, on every retry,
 * "Metrics source RegionServer,sub=IO already exists"). Nobody reads a Spark task's HBase I/O metrics, so before the
 * first file is touched the process gets a {@link MetricsIO} that reports nowhere — unless it has one already (a
 * region server in the same JVM, as in the tests, keeps its own).
 */
final class UnreportedIoMetrics {
    private UnreportedIoMetrics() {
    }

    static synchronized void install() {
        try {
            Field instance = MetricsIO.class.getDeclaredField("instance");
            instance.setAccessible(true);
            if (instance.get(null) != null) {
                return;
            }
            MetricsIOSource nowhere = (MetricsIOSource) Proxy.newProxyInstance(MetricsIOSource.class.getClassLoader(),
                    new Class<?>[] {MetricsIOSource.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "HBase I/O metrics reported nowhere";
                        default -> method.getReturnType() == long.class ? 0L : null;
                    });
            Constructor<MetricsIO> metrics = MetricsIO.class.getDeclaredConstructor(MetricsIOSource.class,
                    MetricsIOWrapper.class);
            metrics.setAccessible(true);
            instance.set(null, metrics.newInstance(nowhere, new MetricsIOWrapperImpl()));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this HBase version's MetricsIO has no field 'instance' or constructor"
                    + " (MetricsIOSource, MetricsIOWrapper) to give it a source that reports nowhere", e);
        }
    }
}

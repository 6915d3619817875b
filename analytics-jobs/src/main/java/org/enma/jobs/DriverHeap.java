package org.enma.jobs;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.enma.config.Setting;
import org.enma.config.SettingFlags;
import org.enma.schema.EnmaException;
import picocli.CommandLine;

/**
 * How much heap this JVM — a job's driver — needed: the most it held right after a garbage collection, live data
 * rather than garbage not yet collected, from the memory-pool MXBeans at every collection. What {@code
 * scripts/bench-scale} compares between a company and one four times its size; printed when the {@code report.heap}
 * setting is on.
 */
public final class DriverHeap {
    private static final long MB = 1024 * 1024;
    private static final AtomicLong PEAK = new AtomicLong();
    private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());

    static {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                        seen(GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                                .getGcInfo().getMemoryUsageAfterGc());
                    }
                }, null, null);
            }
        }
    }

    private DriverHeap() {
    }

    /** Starts watching (the collections before this call are not seen). */
    public static void watch() {
        // the static initializer subscribed to the collectors
    }

    private static void seen(Map<String, MemoryUsage> afterGc) {
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : afterGc.entrySet()) {
            if (HEAP_POOLS.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        PEAK.accumulateAndGet(used, Math::max);
    }

    /** The peak so far in MB, a last collection included (what is live at the end counts too). */
    public static long peakMb() {
        System.gc();
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                used += pool.getCollectionUsage().getUsed();
            }
        }
        return Math.max(PEAK.get(), used) / MB;
    }

    /** The report line: {@code driver heap: peak 212 MB used after a collection (of 512 MB)}. */
    public static String report() {
        return "driver heap: peak " + peakMb() + " MB used after a collection (of "
                + Runtime.getRuntime().maxMemory() / MB + " MB)";
    }

    /**
     * Prints {@link #report} on {@code err} after {@code prefix}, when the command {@code cli} ran has its {@code
     * report.heap} setting on (flag, variable or property).
     */
    public static void reportIfAsked(CommandLine cli, PrintWriter err, String prefix) {
        CommandLine.ParseResult parsed = cli.getParseResult();
        while (parsed != null && parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        if (parsed == null || parsed.commandSpec().findOption(Setting.REPORT_HEAP.flag()) == null) {
            return;
        }
        try {
            if (SettingFlags.config(parsed.commandSpec()).reportHeap()) {
                err.println(prefix + ": " + report());
                err.flush();
            }
        } catch (EnmaException badSetting) {
            // the command met the same setting and said what is wrong with it
        }
    }
}

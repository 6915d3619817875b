package org.enma.jobs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.enma.jobs.example.NightShare;
import org.enma.jobs.ot101.Ot101;
import org.enma.jobs.ot103.Ot103;
import org.enma.jobs.ot201.Ot201;
import org.enma.jobs.ot501.Ot501;
import org.enma.jobs.ot503.Ot503;
import org.enma.jobs.ot603.Ot603;
import org.enma.jobs.ot701.Ot701;
import org.enma.schema.EnmaException;

/** The analytics ENMA can run, by name. A new analytic is one class and one line here. */
public final class Analytics {
    private static final Map<String, Supplier<Analytic>> ALL = new LinkedHashMap<>();

    static {
        register(Ot101::new);
        register(Ot103::new);
        register(Ot201::new);
        register(Ot501::new);
        register(Ot503::new);
        register(Ot603::new);
        register(Ot701::new);
        register(NightShare::new);
    }

    private Analytics() {
    }

    private static void register(Supplier<Analytic> analytic) {
        ALL.put(analytic.get().name(), analytic);
    }

    /** The analytic called {@code name} (any case: {@code ot101} is OT101), or a message listing the known ones. */
    public static Analytic named(String name) {
        Supplier<Analytic> analytic = ALL.get(name == null ? "" : name.toUpperCase(Locale.ROOT));
        if (analytic == null) {
            throw new EnmaException("unknown analytic \"" + name + "\": ENMA runs " + String.join(", ", ALL.keySet()));
        }
        return analytic.get();
    }

    /** Every analytic's name, in registration order. */
    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }
}

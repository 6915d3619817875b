package org.enma.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.hadoop.hbase.io.compress.Compression;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaException;
import org.enma.schema.EnmaTable;
import org.enma.schema.TableNames;

/**
 * The one typed configuration of ENMA. Values come from, lowest to highest: defaults, {@code enma.properties},
 * {@code ENMA_*} environment variables, command-line flags. Every value is checked when the configuration is built,
 * and an invalid one is reported with the place it came from.
 */
public final class EnmaConfig {
    /** The properties file read from the working directory unless {@code ENMA_CONFIG} names another. */
    public static final String PROPERTIES_FILE = "enma.properties";

    private final Map<Setting, String> values;
    private final Map<Setting, String> sources;

    private final Optional<String> hbaseQuorum;
    private final Optional<String> hbaseRootDir;
    private final int hbasePort;
    private final TableNames tableNames;
    private final Compression.Algorithm compression;
    private final Optional<String> mongoUri;
    private final String mongoDatabase;
    private final String sparkMaster;
    private final Optional<Path> sparkJobsJar;
    private final ZoneId timezone;
    private final Path dataDir;
    private final int stackZkPort;
    private final int stackMongoPort;
    private final int retentionMonths;
    private final String bulkStaging;
    private final boolean reportHeap;
    private final Map<String, String> units;

    private EnmaConfig(Map<Setting, String> values, Map<Setting, String> sources) {
        this.values = new EnumMap<>(values);
        this.sources = new EnumMap<>(sources);
        this.hbaseQuorum = optional(Setting.HBASE_QUORUM);
        this.hbaseRootDir = optional(Setting.HBASE_ROOTDIR);
        this.hbasePort = port(Setting.HBASE_PORT);
        this.tableNames = checked(Setting.NAMESPACE, () -> new TableNames(get(Setting.NAMESPACE)));
        this.compression = checked(Setting.HBASE_COMPRESSION, () -> compression(get(Setting.HBASE_COMPRESSION)));
        this.mongoUri = optional(Setting.MONGO_URI);
        this.mongoDatabase = nonEmpty(Setting.MONGO_DATABASE);
        this.sparkMaster = nonEmpty(Setting.SPARK_MASTER);
        this.sparkJobsJar = optional(Setting.SPARK_JOBS_JAR).map(jar -> Path.of(jar).toAbsolutePath().normalize());
        this.timezone = checked(Setting.TIMEZONE, () -> ZoneId.of(get(Setting.TIMEZONE)));
        this.dataDir = Path.of(nonEmpty(Setting.DATA)).toAbsolutePath().normalize();
        this.stackZkPort = port(Setting.STACK_ZK_PORT);
        this.stackMongoPort = port(Setting.STACK_MONGO_PORT);
        this.retentionMonths = months(Setting.RETENTION_MONTHS);
        this.bulkStaging = optional(Setting.BULK_STAGING)
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir")).toUri().toString());
        this.reportHeap = bool(Setting.REPORT_HEAP);
        this.units = checked(Setting.UNITS, () -> units(get(Setting.UNITS)));
    }

    /** Every setting at its default. */
    public static EnmaConfig defaults() {
        return load(Map.of(), Map.of(), Optional.empty());
    }

    /**
     * Layers the sources. {@code env} is the process environment (only {@code ENMA_*} variables are read);
     * {@code propertiesFile} is read when present.
     */
    public static EnmaConfig load(Map<Setting, String> flags, Map<String, String> env, Optional<Path> propertiesFile) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        Map<Setting, String> sources = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            values.put(s, s.defaultValue());
            sources.put(s, "default");
        }
        if (propertiesFile.isPresent() && Files.isRegularFile(propertiesFile.get())) {
            Properties props = readProperties(propertiesFile.get());
            for (String key : props.stringPropertyNames()) {
                Setting s = settingOfKey(key, propertiesFile.get());
                values.put(s, props.getProperty(key).trim());
                sources.put(s, propertiesFile.get() + " (" + key + ")");
            }
        }
        for (Setting s : Setting.values()) {
            String fromEnv = env.get(s.envVariable());
            if (fromEnv != null) {
                values.put(s, fromEnv.trim());
                sources.put(s, "environment variable " + s.envVariable());
            }
        }
        flags.forEach((s, v) -> {
            values.put(s, v.trim());
            sources.put(s, "flag " + s.flag());
        });
        return new EnmaConfig(values, sources);
    }

    /** The configuration of a command run by a user: the process environment and {@code ENMA_CONFIG} or ./enma.properties. */
    public static EnmaConfig forProcess(Map<Setting, String> flags) {
        Map<String, String> env = System.getenv();
        Path file = Path.of(env.getOrDefault("ENMA_CONFIG", PROPERTIES_FILE));
        if (env.containsKey("ENMA_CONFIG") && !Files.isRegularFile(file)) {
            throw new EnmaException("ENMA_CONFIG names " + file + ", which is not a readable file");
        }
        return load(flags, env, Optional.of(file));
    }

    /** Settings given as {@code enma.properties} keys (over the defaults), e.g. from a test stack. */
    public static EnmaConfig of(Map<String, String> properties) {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        properties.forEach((key, value) -> flags.put(settingOfKey(key, Path.of("settings")), value));
        return load(flags, Map.of(), Optional.empty());
    }

    /** A copy with one setting replaced (as if given as a flag). */
    public EnmaConfig with(Setting setting, String value) {
        Map<Setting, String> v = new EnumMap<>(values);
        Map<Setting, String> s = new EnumMap<>(sources);
        v.put(setting, value);
        s.put(setting, "flag " + setting.flag());
        return new EnmaConfig(v, s);
    }

    /**
     * A copy in which {@code setting} takes {@code value} unless a file, variable or flag set it: a default that only
     * the running program knows (e.g. where its own jar is).
     */
    public EnmaConfig withDefault(Setting setting, String value) {
        if (isSet(setting)) {
            return this;
        }
        Map<Setting, String> v = new EnumMap<>(values);
        v.put(setting, value);
        return new EnmaConfig(v, sources);
    }

    public String get(Setting setting) {
        return values.get(setting);
    }

    /** Where the value of {@code setting} came from: "default", a file, a variable or a flag. */
    public String sourceOf(Setting setting) {
        return sources.get(setting);
    }

    public boolean isSet(Setting setting) {
        return !"default".equals(sources.get(setting));
    }

    /** The ZooKeeper quorum of an HBase cluster; empty when the embedded stack is meant. */
    public Optional<String> hbaseQuorum() {
        return hbaseQuorum;
    }

    /** HBase's root directory, when set (backup and restore). */
    public Optional<String> hbaseRootDir() {
        return hbaseRootDir;
    }

    public int hbasePort() {
        return hbasePort;
    }

    public TableNames tableNames() {
        return tableNames;
    }

    public Compression.Algorithm compression() {
        return compression;
    }

    /** The MongoDB connection string; empty when the embedded stack is meant. */
    public Optional<String> mongoUri() {
        return mongoUri;
    }

    public String mongoDatabase() {
        return mongoDatabase;
    }

    public String sparkMaster() {
        return sparkMaster;
    }

    /** The job jar Spark ships to the executors of a non-local master; empty when none is configured. */
    public Optional<Path> sparkJobsJar() {
        return sparkJobsJar;
    }

    public ZoneId timezone() {
        return timezone;
    }

    public Path dataDir() {
        return dataDir;
    }

    public int stackZkPort() {
        return stackZkPort;
    }

    public int stackMongoPort() {
        return stackMongoPort;
    }

    /** Whether a command ends by printing its peak heap ({@code report.heap}). */
    public boolean reportHeap() {
        return reportHeap;
    }

    /** The directory (a Hadoop filesystem URI) under which bulk writes stage their HFiles. */
    public String bulkStaging() {
        return bulkStaging;
    }

    /**
     * The units the API states in place of its own table's: by measure type ({@code gasConsumption}) or by company and
     * type ({@code 1111111111/gasConsumption}).
     */
    public Map<String, String> units() {
        return units;
    }

    /** How many months of results MongoDB keeps: the current month and the ones before it. */
    public int retentionMonths() {
        return retentionMonths;
    }

    private static Properties readProperties(Path file) {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new EnmaException("cannot read " + file + ": " + e.getMessage());
        }
        return props;
    }

    private static Setting settingOfKey(String key, Path file) {
        Optional<Setting> setting = Setting.ofKey(key);
        if (setting.isPresent()) {
            return setting.get();
        }
        StringBuilder known = new StringBuilder();
        for (Setting s : Setting.values()) {
            known.append(known.length() == 0 ? "" : ", ").append(s.key());
        }
        throw new EnmaException(file + ": unknown setting \"" + key + "\" (known: " + known + ")");
    }

    private Optional<String> optional(Setting s) {
        String v = get(s);
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    private String nonEmpty(Setting s) {
        String v = get(s);
        if (v.isEmpty()) {
            throw invalid(s, "must not be empty");
        }
        return v;
    }

    private int months(Setting s) {
        try {
            int months = Integer.parseInt(get(s));
            if (months >= 1 && months <= 1200) {
                return months;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(s, "is not a number of months (1..1200)");
    }

    private boolean bool(Setting s) {
        String v = get(s);
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        throw invalid(s, "is neither true nor false");
    }

    private int port(Setting s) {
        String v = get(s);
        try {
            int port = Integer.parseInt(v);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(s, "is not a TCP port (1..65535)");
    }

    private <T> T checked(Setting s, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (EnmaException | DateTimeException | IllegalArgumentException e) {
            throw invalid(s, "is invalid: " + e.getMessage());
        }
    }

    private EnmaException invalid(Setting s, String problem) {
        return new EnmaException("setting " + s.key() + " = \"" + get(s) + "\" (from " + sourceOf(s) + ") " + problem);
    }

    private static Compression.Algorithm compression(String name) {
        try {
            return Compression.Algorithm.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("use one of " + Arrays.toString(Compression.Algorithm.values()));
        }
    }

    private static Map<String, String> units(String text) {
        Map<String, String> units = new TreeMap<>();
        for (String entry : text.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] keyUnit = entry.trim().split("=", -1);
            if (keyUnit.length != 2 || !keyUnit[1].trim().matches("[^\\p{Cntrl}\"\\\\]{1,16}")) {
                throw new IllegalArgumentException("\"" + entry.trim() + "\" is not type=unit (a unit of 1 to 16"
                        + " characters)");
            }
            String key = keyUnit[0].trim();
            int slash = key.indexOf('/');
            String type = key.substring(slash + 1);
            // a company or type that cannot be is named now, not at the first request
            EnmaTable.measuresOf(type, CompanyId.of(slash < 0 ? "0000000000" : key.substring(0, slash)));
            units.put(key, keyUnit[1].trim());
        }
        return Map.copyOf(units);
    }
}

package org.enma.config;

import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Gives every command a flag per {@link Setting} ({@code --hbase-quorum}, {@code --mongo-uri}, {@code --data}, ...),
 * generated from the settings so that flags, variables and properties can never drift apart: the {@code enma}
 * command and the {@code spark-submit} entry both take them from here.
 */
public final class SettingFlags {
    private SettingFlags() {
    }

    /** Adds the flags to every leaf command under {@code cli}. */
    public static void addTo(CommandLine cli) {
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (sub.getSubcommands().isEmpty()) {
                addOptions(sub.getCommandSpec());
            } else {
                addTo(sub);
            }
        }
    }

    private static void addOptions(CommandSpec spec) {
        for (Setting s : Setting.values()) {
            if (spec.findOption(s.flag()) == null) {
                spec.addOption(OptionSpec.builder(s.flag())
                        .paramLabel("VALUE")
                        .type(String.class)
                        .description(s.description() + " (env " + s.envVariable() + ", default: "
                                + (s.defaultValue().isEmpty() ? "none" : s.defaultValue()) + ")")
                        .build());
            }
        }
    }

    /** The configuration of the command being run: its flags over ENMA_* variables over enma.properties. */
    public static EnmaConfig config(CommandSpec spec) {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            OptionSpec option = spec.findOption(s.flag());
            if (option != null && option.getValue() != null) {
                flags.put(s, option.getValue());
            }
        }
        return EnmaConfig.forProcess(flags);
    }
}

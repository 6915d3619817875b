package org.enma.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.enma.config.Endpoints;
import org.enma.config.SettingFlags;
import org.enma.config.StackLocator;
import org.enma.jobs.submit.Arguments;
import org.enma.portal.KeyCache;
import org.enma.schema.CompanyId;
import org.enma.store.ApiKeys;
import org.enma.store.MongoStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "apikey", mixinStandardHelpOptions = true, description = "Manages portal API keys.",
        subcommands = {ApiKeyCommand.Create.class, ApiKeyCommand.ListKeys.class, ApiKeyCommand.Revoke.class})
final class ApiKeyCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs {@code action} on the API keys of the MongoDB the settings name. */
    private static <T> T withKeys(CommandSpec spec, Function<ApiKeys, T> action) {
        Endpoints endpoints = Endpoints.resolve(SettingFlags.config(spec), StackLocator.forUser());
        try (MongoStore mongo = MongoStore.open(endpoints.mongoUri(), endpoints.mongoDatabase())) {
            return action.apply(new ApiKeys(mongo.database()));
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Creates a portal API key for one company and prints it once, alone on the last line."
                    + " Only its SHA-256 is stored (MongoDB apiKeys): keep the key, it cannot be shown again."})
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--company", paramLabel = "ID", required = true, description = "10-digit company id")
        String company;

        @Override
        public Integer call() {
            CompanyId companyId = Arguments.valid(spec, () -> CompanyId.of(company));
            String key = withKeys(spec, keys -> keys.create(companyId));
            spec.commandLine().getErr().println("API key for company " + companyId
                    + " (send it as: Authorization: Bearer <key>):");
            spec.commandLine().getOut().println(key);
            return Enma.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Lists the API keys, oldest first: id (the first characters of the key's SHA-256, never"
                    + " the key), company, created, last used (to the minute), revoked (or active)."})
    static final class ListKeys implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--company", paramLabel = "ID", description = "only this company's keys")
        String company;

        @Option(names = "--json", description = "one JSON object per key: {\"id\": ..., \"companyId\": ...,"
                + " \"created\": ..., \"lastUsed\": ... or null, \"revoked\": ... or null}")
        boolean json;

        @Override
        public Integer call() throws JsonProcessingException {
            Optional<CompanyId> only = Optional.ofNullable(company).map(c -> Arguments.valid(spec,
                    () -> CompanyId.of(c)));
            List<ApiKeys.Stored> keys = withKeys(spec, ApiKeys::list).stream()
                    .filter(k -> only.map(k.company()::equals).orElse(true)).toList();
            PrintWriter out = spec.commandLine().getOut();
            if (!json) {
                spec.commandLine().getErr().printf("%-12s  %-10s  %-24s  %-24s  %s%n", "ID", "COMPANY", "CREATED",
                        "LAST USED", "REVOKED").flush();
            }
            for (ApiKeys.Stored key : keys) {
                if (json) {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("id", key.shortId());
                    line.put("companyId", key.company().toString());
                    line.put("created", key.created().toString());
                    line.put("lastUsed", key.lastUsed().map(Instant::toString).orElse(null));
                    line.put("revoked", key.revoked().map(Instant::toString).orElse(null));
                    out.println(JSON.writeValueAsString(line));
                } else {
                    out.printf("%-12s  %-10s  %-24s  %-24s  %s%n", key.shortId(), key.company(), key.created(),
                            key.lastUsed().map(Instant::toString).orElse("never"),
                            key.revoked().map(Instant::toString).orElse("active"));
                }
            }
            return Enma.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = {"Revokes an API key: every running portal refuses it from the first request after this"
                    + " command returns (it waits about a second for their caches to learn of it)."})
    static final class Revoke implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "KEYID", description = "the key's id as `enma apikey list` shows it (at least its"
                + " first 6 characters)")
        String id;

        @Override
        public Integer call() throws InterruptedException {
            ApiKeys.Stored revoked = withKeys(spec, keys -> keys.revoke(id));
            Thread.sleep(KeyCache.REFUSED_EVERYWHERE_AFTER.toMillis());
            spec.commandLine().getOut().println("revoked " + revoked.shortId() + " (company " + revoked.company()
                    + ", revoked " + revoked.revoked().orElseThrow() + ")");
            return Enma.OK;
        }
    }
}

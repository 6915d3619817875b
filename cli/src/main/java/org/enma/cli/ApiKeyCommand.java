package org.enma.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.enma.config.Endpoints;
import org.enma.config.StackLocator;
import org.enma.portal.ApiKeys;
import org.enma.schema.CompanyId;
import org.enma.store.MongoStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "apikey", mixinStandardHelpOptions = true, description = "Manages portal API keys.",
        subcommands = ApiKeyCommand.Create.class)
final class ApiKeyCommand {

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
            Endpoints endpoints = Endpoints.resolve(CommandSettings.config(spec), StackLocator.forUser());
            try (MongoStore mongo = MongoStore.open(endpoints.mongoUri(), endpoints.mongoDatabase())) {
                String key = new ApiKeys(mongo.database()).create(companyId);
                PrintWriter out = spec.commandLine().getOut();
                spec.commandLine().getErr().println("API key for company " + companyId
                        + " (send it as: Authorization: Bearer <key>):");
                out.println(key);
            }
            return Enma.OK;
        }
    }
}

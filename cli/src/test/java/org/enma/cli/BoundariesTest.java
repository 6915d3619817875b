package org.enma.cli;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.mongodb.client.MongoCollection;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.BufferedMutator;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.enma.schema.EnmaTable;
import org.enma.schema.TableKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of docs/architecture.md as rules over the compiled classes of every module (cli depends on
 * them all, so its test classpath holds them): a rule broken by a change fails the build with the class and the line
 * that broke it.
 */
class BoundariesTest {
    private static JavaClasses enma;

    @BeforeAll
    static void importClasses() {
        enma = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.enma");
    }

    /** The portal reads and writes the stores only through short-term-store (it may hold the connections). */
    static final ArchRule PORTAL_READS_STORES_THROUGH_SHORT_TERM_STORE = noClasses()
            .that().resideInAPackage("org.enma.portal..")
            .should().dependOnClassesThat().belongToAnyOf(Table.class, Get.class, Scan.class, ResultScanner.class,
                    Put.class, BufferedMutator.class, MongoCollection.class)
            .because("portal-api reads stores only through short-term-store (docs/architecture.md)");

    /** Table names are built by hbase-schema's factories only: a name written by hand is a name that can drift. */
    static final ArchRule TABLE_NAMES_ARE_BUILT_IN_HBASE_SCHEMA = noClasses()
            .that().resideOutsideOfPackage("org.enma.schema..")
            .should().callConstructor(EnmaTable.class, TableKind.class, String.class)
            .orShould().callMethod(TableName.class, "valueOf", String.class, String.class)
            .orShould().callMethod(TableName.class, "valueOf", byte[].class, byte[].class)
            .because("the naming rules live in EnmaTable and TableNames (hbase-schema) and nowhere else");

    /**
     * The data model is a leaf: it knows no configuration, no stack and no other ENMA module, so the storage contract
     * can be read (and reused) on its own.
     */
    static final ArchRule THE_DATA_MODEL_DEPENDS_ON_NO_OTHER_MODULE = noClasses()
            .that().resideInAPackage("org.enma.schema..")
            .should().dependOnClassesThat(resideInAPackage("org.enma..").and(not(resideInAPackage("org.enma.schema.."))))
            .because("hbase-schema is the data model only; configuration and stack discovery live in config");

    /**
     * The commands parse flags, call the modules and print: no Spark computation, no MongoDB query and no HBase write
     * of their own (backup and restore, in cli.backup, are the known exception: their tools stay out of the job jar).
     */
    static final ArchRule COMMANDS_HOLD_NO_BUSINESS_LOGIC = noClasses()
            .that().resideInAnyPackage("org.enma.cli", "org.enma.cli.stack")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark.api..", "org.apache.spark.rdd..")
            .orShould().dependOnClassesThat().belongToAnyOf(MongoCollection.class, Put.class, BufferedMutator.class)
            .because("cli holds no business logic: it lives in loaders, analytics-jobs, short-term-store");

    @Test
    void portalReadsStoresThroughShortTermStore() {
        PORTAL_READS_STORES_THROUGH_SHORT_TERM_STORE.check(enma);
    }

    @Test
    void tableNamesAreBuiltInHbaseSchema() {
        TABLE_NAMES_ARE_BUILT_IN_HBASE_SCHEMA.check(enma);
    }

    @Test
    void theDataModelDependsOnNoOtherModule() {
        THE_DATA_MODEL_DEPENDS_ON_NO_OTHER_MODULE.check(enma);
    }

    @Test
    void commandsHoldNoBusinessLogic() {
        COMMANDS_HOLD_NO_BUSINESS_LOGIC.check(enma);
    }
}

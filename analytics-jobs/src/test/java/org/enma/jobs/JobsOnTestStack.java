package org.enma.jobs;

import org.apache.spark.sql.SparkSession;
import org.enma.config.EnmaConfig;
import org.enma.store.MongoStore;
import org.enma.testing.EnmaStackExtension;
import org.enma.testing.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every job test on the shared test stack starts from: the stack, its SparkSession, the class's settings and a
 * MongoDB client on the class's database (closed after the class). A test class extends it and writes its company in
 * a {@code @BeforeAll} of its own, which JUnit runs after this one.
 */
@ExtendWith(EnmaStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JobsOnTestStack {
    protected TestStack stack;
    protected SparkSession spark;
    protected EnmaConfig config;
    protected MongoStore mongo;

    @BeforeAll
    void openStores(TestStack testStack, SparkSession session) {
        stack = testStack;
        spark = session;
        config = EnmaConfig.of(testStack.settings());
        mongo = MongoStore.open(testStack.mongoUri(), testStack.database());
    }

    @AfterAll
    void closeMongo() {
        mongo.close();
    }
}

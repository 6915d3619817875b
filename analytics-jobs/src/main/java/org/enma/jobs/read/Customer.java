package org.enma.jobs.read;

import java.io.Serializable;
import java.util.Map;

/** One row of {@code customers}: the contract and its attributes by qualifier name (any family). */
public record Customer(String contractId, Map<String, String> attributes) implements Serializable {
    public Customer {
        attributes = Map.copyOf(attributes);
    }
}

package org.enma.store;

import java.io.IOException;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Table;
import org.enma.schema.CompanyId;
import org.enma.schema.CompanyKey;
import org.enma.schema.EnmaTable;
import org.enma.schema.TableNames;

/**
 * Whether a company has a contract: a row of {@code customers} under {@code <companyId>~<contractId>}. Another
 * company's contract is simply not there, so the API answers it exactly like a contract that does not exist.
 */
public final class Contracts {
    private final Connection hbase;
    private final TableName customers;

    public Contracts(Connection hbase, TableNames names) {
        this.hbase = hbase;
        this.customers = names.of(EnmaTable.customers());
    }

    public boolean exists(CompanyId company, String contractId) throws IOException {
        try (Table table = hbase.getTable(customers)) {
            return table.exists(new Get(CompanyKey.of(company, contractId).encode()));
        } catch (IOException | RuntimeException e) {
            if (MissingTable.causes(e)) {
                // no customers loaded yet: no contract
                return false;
            }
            throw e;
        }
    }
}

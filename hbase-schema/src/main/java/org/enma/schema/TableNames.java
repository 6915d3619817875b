package org.enma.schema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.hbase.NamespaceDescriptor;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;

/**
 * Places ENMA tables in the deployment's namespace. An empty namespace is HBase's {@code default} one, where the
 * tables carry their bare names ({@code customers}); otherwise every name is prefixed ({@code enma:customers}).
 */
public record TableNames(String namespace) {
    public TableNames {
        if (namespace == null) {
            namespace = "";
        }
        if (!namespace.isEmpty() && !namespace.matches("[A-Za-z0-9_]+")) {
            throw new EnmaException("namespace \"" + Identifier.printable(namespace)
                    + "\" is invalid: use letters, digits and '_' only");
        }
    }

    public String hbaseNamespace() {
        return namespace.isEmpty() ? NamespaceDescriptor.DEFAULT_NAMESPACE_NAME_STR : namespace;
    }

    public TableName of(EnmaTable table) {
        return TableName.valueOf(hbaseNamespace(), table.name());
    }

    /** The ENMA tables present in this namespace, by name; other tables there are left out. */
    public List<EnmaTable> list(Admin admin) throws IOException {
        List<EnmaTable> tables = new ArrayList<>();
        for (TableName name : admin.listTableNamesByNamespace(hbaseNamespace())) {
            try {
                tables.add(EnmaTable.parse(name.getQualifierAsString()));
            } catch (EnmaException notOurs) {
                // A table that follows none of the naming rules belongs to someone else: not listed.
            }
        }
        tables.sort(Comparator.comparing(EnmaTable::name));
        return tables;
    }
}

package org.enma.schema;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Key of a row owned by a company: {@code <companyId>~<id>} (customers: contractId; stations: stationId). */
public record CompanyKey(CompanyId company, String id) {
    private static final List<String> PARTS = List.of("companyId", "id");

    public CompanyKey {
        Identifier.require("id", id);
    }

    public static CompanyKey of(CompanyId company, String id) {
        return new CompanyKey(company, id);
    }

    public byte[] encode() {
        return KeyParts.join(company, id);
    }

    /** The key prefix of every row of {@code company}: {@code <companyId>~}. */
    public static byte[] prefix(CompanyId company) {
        return KeyParts.join(company, "");
    }

    /** The key range of every row of {@code company}: {@code [<companyId>~, <companyId>~DEL)}. */
    public static KeyRange range(CompanyId company) {
        return new KeyRange(prefix(company), KeyParts.endAfter(company));
    }

    public static CompanyKey decode(byte[] key) {
        String[] parts = KeyParts.split(key, "company", PARTS);
        return new CompanyKey(CompanyId.of(parts[0]), parts[1]);
    }

    @Override
    public String toString() {
        return new String(encode(), StandardCharsets.UTF_8);
    }
}

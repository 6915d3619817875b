package org.enma.schema;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Key of an analytics result: {@code <month>~<companyId>~<contractId>~<setupId>}. It is both the HBase row key of
 * the {@code otnnn} mirror and the MongoDB {@code _id}, so a rerun overwrites instead of duplicating.
 */
public record ResultKey(Month month, CompanyId company, String contractId, SetupId setupId) {
    private static final List<String> PARTS = List.of("month", "companyId", "contractId", "setupId");

    public ResultKey {
        Identifier.require("contractId", contractId);
    }

    public byte[] encode() {
        return KeyParts.join(month, company, contractId, setupId);
    }

    /** The key prefix of one company's results for one month: {@code <month>~<companyId>~}. */
    public static byte[] prefix(Month month, CompanyId company) {
        return KeyParts.join(month, company, "");
    }

    /** The key prefix of one contract's results for one month: {@code <month>~<companyId>~<contractId>~}. */
    public static byte[] prefix(Month month, CompanyId company, String contractId) {
        return KeyParts.join(month, company, Identifier.require("contractId", contractId), "");
    }

    /** The first key of month {@code month}: every key of an earlier month sorts before it (months have six digits). */
    public static byte[] monthStart(Month month) {
        return KeyParts.join(month, "");
    }

    /** The key range of every result key: each starts with a month's six digits. */
    public static KeyRange everyKey() {
        return new KeyRange("0".getBytes(StandardCharsets.UTF_8), ":".getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A regular expression matching exactly the keys of {@code company}'s results, any month, for HBase's {@code
     * RowFilter} (applied in the region server).
     */
    public static String companyPattern(CompanyId company) {
        return "^[0-9]{6}" + KeyParts.SEPARATOR + company + KeyParts.SEPARATOR;
    }

    public static ResultKey decode(byte[] key) {
        String[] p = KeyParts.split(key, "result", PARTS);
        return new ResultKey(Month.parse(p[0]), CompanyId.of(p[1]), p[2], SetupId.of(p[3]));
    }

    @Override
    public String toString() {
        return new String(encode(), StandardCharsets.UTF_8);
    }
}

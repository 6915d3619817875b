package org.enma.schema;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Key of a trust-table row: {@code <salt>~<contractId>~<YYYYMMDD>}, the local day validated, with the salt of the
 * period tables ({@link PeriodKey#salt}) so that a contract's days stay together in day order. The company's total of a
 * day has the empty contractId: {@code 0~~<YYYYMMDD>}.
 */
public record TrustKey(String contractId, LocalDate day) {
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final List<String> PARTS = List.of("salt", "contractId", "YYYYMMDD");

    public TrustKey {
        if (!contractId.isEmpty()) {
            Identifier.require("contractId", contractId);
        }
    }

    /** The key of the company's total of {@code day}. */
    public static TrustKey companyTotal(LocalDate day) {
        return new TrustKey("", day);
    }

    public boolean isCompanyTotal() {
        return contractId.isEmpty();
    }

    public byte[] encode() {
        return KeyParts.join(PeriodKey.salt(contractId), contractId, DAY.format(day));
    }

    /** The first key of a contract's days: its rows, in day order, start with it. */
    public static byte[] contractPrefix(String contractId) {
        return PeriodKey.contractPrefix(contractId);
    }

    /** Every key of a trust table: salts {@code 0} … {@code f}, so {@code "0"} up to {@code "g"}. */
    public static KeyRange everyKey() {
        return new KeyRange("0".getBytes(StandardCharsets.UTF_8), "g".getBytes(StandardCharsets.UTF_8));
    }

    public static TrustKey decode(byte[] key) {
        String[] parts = KeyParts.split(key, "trust-table", PARTS);
        String text = new String(key, StandardCharsets.UTF_8);
        try {
            TrustKey decoded = new TrustKey(parts[1], LocalDate.parse(parts[2], DAY));
            if (parts[0].length() != 1 || PeriodKey.salt(decoded.contractId()) != parts[0].charAt(0)) {
                throw new EnmaException("trust key \"" + Identifier.printable(text) + "\" has salt " + parts[0]
                        + ", its contractId's is " + PeriodKey.salt(decoded.contractId()));
            }
            return decoded;
        } catch (DateTimeParseException e) {
            throw new EnmaException("trust key \"" + Identifier.printable(text) + "\" has no YYYYMMDD day");
        }
    }

    @Override
    public String toString() {
        return new String(encode(), StandardCharsets.UTF_8);
    }
}

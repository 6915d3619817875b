package org.enma.schema;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.CRC32;

/**
 * Key of a period-table row: {@code <salt>~<contractId>~<YYYYMMDDHHmm>}, the local start of the period. The salt is
 * the CRC-32 of the contractId's UTF-8 bytes modulo 16 as one lower-case hex digit: it spreads contracts over the
 * table's 16 pre-split ranges while one contract's rows stay together, in time order. The company total of a period
 * has the empty contractId: {@code 0~~<YYYYMMDDHHmm>}.
 */
public record PeriodKey(String contractId, LocalDateTime start) {
    /** How many salts, hence regions, a period table has. */
    public static final int SALTS = 16;
    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("uuuuMMddHHmm");

    public PeriodKey {
        if (!contractId.isEmpty()) {
            Identifier.require("contractId", contractId);
        }
        if (start.getSecond() != 0 || start.getNano() != 0) {
            throw new IllegalArgumentException("a period starts on a whole minute: " + start);
        }
    }

    /** The key of the company total of the period starting at {@code start}. */
    public static PeriodKey companyTotal(LocalDateTime start) {
        return new PeriodKey("", start);
    }

    public boolean isCompanyTotal() {
        return contractId.isEmpty();
    }

    /** The salt of a contractId: its CRC-32 modulo {@value #SALTS}, as one hex digit. */
    public static char salt(String contractId) {
        CRC32 crc = new CRC32();
        crc.update(contractId.getBytes(StandardCharsets.UTF_8));
        return Character.forDigit((int) (crc.getValue() % SALTS), SALTS);
    }

    public byte[] encode() {
        return KeyParts.join(salt(contractId), contractId, START.format(start));
    }

    /** The prefix of every key of salt {@code salt} (0 … {@value #SALTS} − 1): {@code "<hex digit>~"}. */
    public static byte[] saltPrefix(int salt) {
        if (salt < 0 || salt >= SALTS) {
            throw new IllegalArgumentException("salt must be 0.." + (SALTS - 1) + ", was " + salt);
        }
        return KeyParts.join(Character.forDigit(salt, SALTS), "");
    }

    /**
     * A regular expression matching exactly the contracts' keys (not the company total's) whose period starts at one
     * of {@code starts}: for HBase's {@code RowFilter}, applied in the region server.
     */
    public static String startsPattern(Collection<LocalDateTime> starts) {
        if (starts.isEmpty()) {
            throw new IllegalArgumentException("a starts pattern needs at least one start");
        }
        return "^[0-9a-f]" + KeyParts.SEPARATOR + "[^" + KeyParts.SEPARATOR + "]+" + KeyParts.SEPARATOR + "("
                + starts.stream().map(START::format).sorted().collect(Collectors.joining("|")) + ")$";
    }

    /** The first key of a contract's rows (all its periods, in time order, start with it). */
    public static byte[] contractPrefix(String contractId) {
        return KeyParts.join(salt(contractId), contractId, "");
    }

    /** The contractId of a {@link #contractPrefix}. */
    public static String contractOfPrefix(byte[] prefix) {
        return new String(prefix, 2, prefix.length - 3, StandardCharsets.UTF_8);
    }

    /** The salt (0 … {@value #SALTS} − 1) of any period-table key: its first character. */
    public static int saltOf(byte[] key) {
        return Character.digit(key[0], SALTS);
    }

    /**
     * The start of a period key, read straight from its last 12 bytes: for readers of millions of keys of a table
     * they chose. A key without a {@code ~YYYYMMDDHHmm} end is refused with {@link #decode}'s message.
     */
    public static LocalDateTime startOf(byte[] key) {
        int at = key.length - 12;
        if (at < 1 || key[at - 1] != KeyParts.SEPARATOR) {
            return decode(key).start();
        }
        int[] digits = new int[12];
        for (int i = 0; i < 12; i++) {
            digits[i] = key[at + i] - '0';
            if (digits[i] < 0 || digits[i] > 9) {
                return decode(key).start();
            }
        }
        try {
            return LocalDateTime.of(number(digits, 0, 4), number(digits, 4, 2), number(digits, 6, 2),
                    number(digits, 8, 2), number(digits, 10, 2));
        } catch (DateTimeException e) {
            return decode(key).start();
        }
    }

    private static int number(int[] digits, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            value = value * 10 + digits[i];
        }
        return value;
    }

    public static PeriodKey decode(byte[] key) {
        String text = new String(key, StandardCharsets.UTF_8);
        int first = text.indexOf(KeyParts.SEPARATOR);
        int last = text.lastIndexOf(KeyParts.SEPARATOR);
        if (first != 1 || last <= first) {
            throw new EnmaException("period key \"" + Identifier.printable(text) + "\" is not "
                    + KeyParts.shape(List.of("salt", "contractId", "YYYYMMDDHHmm")));
        }
        try {
            PeriodKey decoded = new PeriodKey(text.substring(first + 1, last),
                    LocalDateTime.parse(text.substring(last + 1), START));
            if (salt(decoded.contractId()) != text.charAt(0)) {
                throw new EnmaException("period key \"" + Identifier.printable(text) + "\" has salt " + text.charAt(0)
                        + ", its contractId's is " + salt(decoded.contractId()));
            }
            return decoded;
        } catch (DateTimeParseException e) {
            throw new EnmaException("period key \"" + Identifier.printable(text) + "\" has no YYYYMMDDHHmm start");
        }
    }

    /** The split keys of a period table: {@code 1} … {@code f}, one region per salt. */
    public static byte[][] splitKeys() {
        byte[][] splits = new byte[SALTS - 1][];
        for (int s = 1; s < SALTS; s++) {
            splits[s - 1] = new byte[] {(byte) Character.forDigit(s, SALTS)};
        }
        return splits;
    }

    @Override
    public String toString() {
        return new String(encode(), StandardCharsets.UTF_8);
    }
}

package org.enma.schema;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The value codec: numbers are plain decimal text ({@code 25}, {@code 0.125}, {@code -3.5}) — no exponent, no
 * thousands separator, no trailing zeros — so that the HBase shell, Hive and happybase read them as they are.
 */
public final class DecimalText {
    private static final Pattern PLAIN = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private DecimalText() {
    }

    public static String format(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.signum() == 0 ? "0" : stripped.toPlainString();
    }

    /** Formats a double by its shortest exact decimal representation ({@code 0.1} stays {@code 0.1}). */
    public static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new EnmaException("value " + value + " is not a finite number and cannot be stored");
        }
        return format(BigDecimal.valueOf(value));
    }

    public static String format(long value) {
        return Long.toString(value);
    }

    /**
     * Parses plain decimal text as ENMA writes it. An exponent, a comma, {@code NaN} or anything else is refused with
     * a message naming {@code field} and the value.
     */
    public static BigDecimal parse(String field, String text) {
        if (text == null || !PLAIN.matcher(text).matches()) {
            throw new EnmaException(field + " \"" + Identifier.printable(String.valueOf(text))
                    + "\" is not a plain decimal number (digits, optional '-' and '.' decimal point)");
        }
        return new BigDecimal(text);
    }

    public static BigDecimal decode(String field, byte[] value) {
        return parse(field, new String(value, StandardCharsets.UTF_8));
    }
}

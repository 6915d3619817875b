package org.enma.loaders;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.enma.schema.DecimalText;

/**
 * Numbers as users upload them: {@code .} as decimal point, an optional sign and exponent. {@code NaN},
 * {@code Infinity}, {@code 1,5} and anything else are refused. Stored as plain decimal text.
 */
final class UploadedNumber {
    private static final Pattern NUMBER = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]{1,3})?");
    /** More digits than any meter or price has: such a value is a typo, and its plain text would be huge. */
    private static final int MAX_PLAIN_LENGTH = 40;

    private UploadedNumber() {
    }

    static String parse(String column, String text) throws RowRejected {
        if (!NUMBER.matcher(text).matches()) {
            throw new RowRejected(column + " \"" + text + "\" is not a number (use '.' as decimal point)");
        }
        String plain = DecimalText.format(new BigDecimal(text));
        if (plain.length() > MAX_PLAIN_LENGTH) {
            throw new RowRejected(column + " \"" + text + "\" is out of range");
        }
        return plain;
    }
}

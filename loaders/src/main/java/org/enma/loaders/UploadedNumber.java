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
        String plain = plainFastPath(text);
        if (plain != null) {
            return plain;
        }
        if (!NUMBER.matcher(text).matches()) {
            throw new RowRejected(column + " \"" + text + "\" is not a number (use '.' as decimal point)");
        }
        plain = DecimalText.format(new BigDecimal(text));
        if (plain.length() > MAX_PLAIN_LENGTH) {
            throw new RowRejected(column + " \"" + text + "\" is out of range");
        }
        return plain;
    }

    /**
     * The common case, digits with an optional fraction ({@code 0.4120}), normalised by string operations to what
     * {@link DecimalText#format} gives ({@code 0.412}) without a BigDecimal; {@code null} for anything else.
     */
    static String plainFastPath(String text) {
        int n = text.length();
        if (n == 0 || n > MAX_PLAIN_LENGTH) {
            return null;
        }
        int dot = -1;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '.' && dot < 0 && i > 0 && i < n - 1) {
                dot = i;
            } else if (c < '0' || c > '9') {
                return null;
            }
        }
        int intEnd = dot < 0 ? n : dot;
        int intStart = 0;
        while (intStart < intEnd - 1 && text.charAt(intStart) == '0') {
            intStart++;
        }
        int fracEnd = n;
        if (dot >= 0) {
            while (fracEnd > dot + 1 && text.charAt(fracEnd - 1) == '0') {
                fracEnd--;
            }
        }
        boolean hasFraction = dot >= 0 && fracEnd > dot + 1;
        if (intStart == 0 && (dot < 0 ? intEnd == n : hasFraction && fracEnd == n)) {
            return text;
        }
        return hasFraction ? text.substring(intStart, fracEnd) : text.substring(intStart, intEnd);
    }
}

package dev.greenlight.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

import org.erdtman.jcs.JsonCanonicalizer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * RFC 8785 canonical JSON: sorted keys, no whitespace, one spelling per string and per number. jsonb's rewriting (1e1
 * as 10, 87.50 kept, keys reordered, escapes) leaves it unchanged, so a hash over it survives the round trip. Its
 * numbers are IEEE doubles; a decimal of at most {@link #MAX_DIGITS} significant digits is the only one of that length
 * to map to its double, so the canonical form holds such numbers exactly, and Greenlight writes no others.
 */
final class CanonicalJson {
    /** Significant digits that survive a double (DBL_DIG). */
    static final int MAX_DIGITS = 15;
    /** Well inside the double's normal range, where 15 digits are still exact. */
    private static final int MAX_EXPONENT = 300;

    private CanonicalJson() {
    }

    /** The canonical UTF-8 bytes of a JSON text. */
    static byte[] utf8(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedUTF8();
        } catch (IOException e) {
            throw new UncheckedIOException("Not canonicalisable JSON", e);
        }
    }

    /** Whether the canonical form holds the number exactly. */
    static boolean exact(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        int exponent = stripped.precision() - stripped.scale() - 1;
        return stripped.precision() <= MAX_DIGITS && Math.abs(exponent) <= MAX_EXPONENT;
    }

    /** The first number in a JSON text that the canonical form would not hold exactly, as written; null if none. */
    static String inexactNumber(JsonFactory factory, String json) {
        if (json == null) {
            return null;
        }
        try (JsonParser parser = factory.createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token.isNumeric() && !exact(parser.getDecimalValue())) {
                    return parser.getText();
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable JSON", e);
        }
    }
}

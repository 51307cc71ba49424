package dev.greenlight.gate;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import dev.greenlight.audit.AuditLog;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.common.Limits;

/**
 * A measured value (gate or post-release check) as it may enter: plain decimal notation with at most 15 significant
 * digits. The value reaches the audit log, whose hash holds numbers in that range exactly; exponent notation such as
 * 1e1 is refused rather than rewritten, so that what was sent is what is recorded.
 */
public final class MeasuredValue {
    /** Significant digits the audit hash holds exactly. */
    public static final int MAX_DIGITS = AuditLog.MAX_NUMBER_DIGITS;
    /** Longest text looked at. */
    static final int MAX_LENGTH = Limits.MEASURED_VALUE_CHARS;
    private static final Pattern PLAIN = Pattern.compile("-?[0-9]++(?:\\.[0-9]++)?");
    private static final String PLAIN_MESSAGE = "must be a number in plain decimal notation such as 87.5 "
            + "(no exponent)";

    private MeasuredValue() {
    }

    /** The value of a form or JSON field, or null when blank. */
    public static BigDecimal parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (value.length() > MAX_LENGTH) {
            throw new InvalidInputException(field, "must be a number of at most " + MAX_LENGTH + " characters");
        }
        if (!PLAIN.matcher(value).matches()) {
            throw new InvalidInputException(field, (isNumber(value) ? PLAIN_MESSAGE + ", " : "must be a number, ")
                    + "not " + value);
        }
        return require(field, new BigDecimal(value));
    }

    private static boolean isNumber(String value) {
        try {
            new BigDecimal(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The services' check of a value that arrived already parsed. */
    public static BigDecimal require(String field, BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.scale() < 0) {
            throw new InvalidInputException(field, PLAIN_MESSAGE);
        }
        if (value.stripTrailingZeros().precision() > MAX_DIGITS) {
            throw new InvalidInputException(field, "must have at most " + MAX_DIGITS + " significant digits");
        }
        return value;
    }

    /**
     * A JSON number or string as the client wrote it, for {@link #parse}: reading it as a BigDecimal would turn 1e1
     * into 1E+1 and hide how it was written.
     */
    public static final class AsWritten extends StdDeserializer<String> {
        public AsWritten() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT
                    || token == JsonToken.VALUE_STRING) {
                return parser.getText();
            }
            return (String) context.handleUnexpectedToken(String.class, parser);
        }
    }
}

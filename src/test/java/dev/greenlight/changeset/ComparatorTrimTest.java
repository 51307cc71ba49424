package dev.greenlight.changeset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComparatorTrimTest {
    /** node-semver's COMPARATORTRIM regex as its "safe" form reads ranges shorter than 256 characters. */
    private static final Pattern REGEX;

    static {
        String s = JsText.WHITESPACE;
        String numeric = "0|[1-9]\\d*";
        String nonNumeric = "\\d*[a-zA-Z-][a-zA-Z0-9-]*";
        String id = "(?:" + nonNumeric + "|" + numeric + ")";
        String idLoose = "(?:" + nonNumeric + "|\\d+)";
        String prerelease = "(?:-(" + id + "(?:\\." + id + ")*))";
        String prereleaseLoose = "(?:-?(" + idLoose + "(?:\\." + idLoose + ")*))";
        String build = "(?:\\+([a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)*))";
        String prefix = "[v=" + JsText.WHITESPACE_CHARS + "]*";
        String loosePlain = prefix + "(\\d+)\\.(\\d+)\\.(\\d+)" + prereleaseLoose + "?" + build + "?";
        String xId = numeric + "|x|X|\\*";
        String xRangePlain = prefix + "(" + xId + ")(?:\\.(" + xId + ")(?:\\.(" + xId + ")(?:" + prerelease + ")?"
                + build + "?)?)?";
        REGEX = Pattern.compile("(" + s + "?)((?:<|>)?=?)" + s + "?(" + loosePlain + "|" + xRangePlain + ")");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "> 1.2.3|>1.2.3",
            ">= 1.2.3 < 2|>=1.2.3 <2",
            "  > 1|  >1",
            "> invalid|> invalid",
            "1.2.3 - 2.0.0|1.2.3 - 2.0.0",
            "= v1.2.3|=v1.2.3",
            "<= 1.x|<=1.x",
            "1.2.3-v = 2|1.2.3-v =2" })
    void joinsOperatorsToTheirVersions(String range, String expected) {
        assertThat(ComparatorTrim.apply(range)).isEqualTo(expected);
    }

    @Test
    void removesExactlyWhatNodeSemversRegexRemoved() {
        Random random = new Random(19);
        String alphabet = "v= \t\u00a00129.xX*-+<>~^|aZb";
        for (int i = 0; i < 300_000; i++) {
            StringBuilder range = new StringBuilder();
            for (int length = random.nextInt(20); length > 0; length--) {
                range.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = range.toString();
            assertThat(ComparatorTrim.apply(text)).as("\"%s\"", text)
                    .isEqualTo(REGEX.matcher(text).replaceAll("$1$2$3"));
        }
    }
}

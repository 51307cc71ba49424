package dev.greenlight.changeset;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import dev.greenlight.common.Limits;

/**
 * Reads a changeset file the way @changesets/parse does: YAML front matter between "---" lines mapping package names
 * to bump types, then the summary. It accepts and rejects the same files; where the tool's error has no position,
 * this one names the line.
 */
public final class ChangesetParser {

    private static final String EXAMPLE = "\"package-name\": patch";
    /** Nesting in front matter: the mapping and a collection as a value, which is refused, fit well within it. */
    private static final int FRONT_MATTER_MAX_DEPTH = 10;
    /** Aliases to collections (a YAML "billion laughs" needs many); a bump type is never a collection. */
    private static final int FRONT_MATTER_MAX_ALIASES = 10;
    private static final Set<String> KNOWN_TAGS = Set.of("str", "null", "bool", "int", "float", "timestamp", "seq",
            "map", "binary", "omap", "pairs", "set", "merge");

    /**
     * Parses one changeset file.
     *
     * @param fileName the file name, e.g. "brave-cats-dance.md"; the id is the name without ".md"
     * @throws ChangesetFormatException when @changesets/parse would reject the file
     */
    public Changeset parse(String fileName, String markdown) {
        String id = fileName;
        int extension = fileName.indexOf(".md");
        if (extension >= 0) {
            // the tool uses file.replace(".md", ""), which removes the first occurrence
            id = fileName.substring(0, extension) + fileName.substring(extension + 3);
        }
        if (markdown == null || JsText.trim(markdown).isEmpty()) {
            throw new ChangesetFormatException(fileName, 1,
                    "file is empty; a changeset starts with front matter such as ---, " + EXAMPLE + ", ---");
        }
        Split file = split(ParseSteps.counted(markdown));
        if (file == null) {
            throw missingFrontMatter(fileName, markdown);
        }
        Map<String, BumpType> releases = parseFrontMatter(fileName,
                markdown.substring(file.frontMatterStart(), file.frontMatterEnd()),
                lineAt(markdown, file.frontMatterStart()));
        return new Changeset(id, JsText.trim(markdown.substring(file.summaryStart())), releases);
    }

    /** Where the front matter is, and where the summary starts. */
    private record Split(int frontMatterStart, int frontMatterEnd, int summaryStart) {
    }

    /**
     * What the tool's regex {@code /\s*---([^]*?)\n\s*---(\s*(?:\n|$)[^]*)/} finds, or null, in one pass: the
     * regex retried every start position and every line break and was quadratic on long whitespace runs. The front
     * matter starts after the first "---" (text before it is ignored) and ends at the first line break followed by
     * whitespace, "---", and whitespace that holds a line break or ends the file. Each character is read at most
     * three times.
     */
    private static Split split(CharSequence text) {
        int open = indexOf(text, "---");
        if (open < 0) {
            return null;
        }
        int start = open + 3;
        int scannedTo = -1;
        for (int lineBreak = start; lineBreak < text.length(); lineBreak++) {
            // a line break inside whitespace already scanned leads to the same "---", which did not close
            if (text.charAt(lineBreak) != '\n' || lineBreak < scannedTo) {
                continue;
            }
            int dashes = whitespaceEnd(text, lineBreak + 1);
            scannedTo = dashes;
            if (!startsWith(text, dashes, "---")) {
                continue;
            }
            int after = dashes + 3;
            int end = after;
            boolean lineBreakAfter = false;
            while (end < text.length() && JsText.isWhitespace(text.charAt(end))) {
                lineBreakAfter |= text.charAt(end) == '\n';
                end++;
            }
            if (lineBreakAfter || end == text.length()) {
                return new Split(start, lineBreak, after);
            }
        }
        return null;
    }

    private static int indexOf(CharSequence text, String needle) {
        for (int i = 0; i + needle.length() <= text.length(); i++) {
            if (startsWith(text, i, needle)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(CharSequence text, int at, String prefix) {
        if (at + prefix.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (text.charAt(at + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int whitespaceEnd(CharSequence text, int from) {
        int end = from;
        while (end < text.length() && JsText.isWhitespace(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private static ChangesetFormatException missingFrontMatter(String fileName, String markdown) {
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (JsText.trim(lines[i]).startsWith("---")) {
                return new ChangesetFormatException(fileName, i + 1,
                        "front matter is not closed: expected a line \"---\" after the package lines, followed by a "
                                + "line break");
            }
        }
        int firstText = 0;
        while (firstText < lines.length - 1 && JsText.trim(lines[firstText]).isEmpty()) {
            firstText++;
        }
        return new ChangesetFormatException(fileName, firstText + 1,
                "missing front matter: a changeset starts with a \"---\" line, lines like " + EXAMPLE
                        + ", and another \"---\" line");
    }

    private static Map<String, BumpType> parseFrontMatter(String fileName, String frontMatter, int firstLine) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            // a front matter is a flat mapping of a few lines: anything deeper or larger is refused early
            options.setCodePointLimit(Limits.MAX_FILE_BYTES);
            options.setNestingDepthLimit(FRONT_MATTER_MAX_DEPTH);
            options.setMaxAliasesForCollections(FRONT_MATTER_MAX_ALIASES);
            root = new Composer(new ParserImpl(new CountedStreamReader(frontMatter), options), new CoreSchemaResolver(),
                    options).getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new ChangesetFormatException(fileName, firstLine + (mark == null ? 0 : mark.getLine()),
                    "invalid YAML in front matter: " + (e.getProblem() != null ? e.getProblem() : e.getContext()));
        } catch (YAMLException e) {
            throw new ChangesetFormatException(fileName, firstLine, "invalid YAML in front matter: " + e.getMessage());
        }
        if (root == null) {
            return Map.of();
        }
        FrontMatterReader reader = new FrontMatterReader(fileName, firstLine);
        if (root instanceof MappingNode mapping) {
            return reader.releases(mapping);
        }
        Object value = reader.value(root);
        // js-yaml values the tool treats as "no releases": falsy ones, and dates (objects without entries)
        if (value == null || value.equals("") || Boolean.FALSE.equals(value) || isZero(value)
                || root.getTag().equals(Tag.TIMESTAMP)) {
            return Map.of();
        }
        throw reader.error(root, "front matter must map package names to bump types (" + EXAMPLE + "), found "
                + (root instanceof SequenceNode ? "a list" : "\"" + ((ScalarNode) root).getValue() + "\""));
    }

    private static boolean isZero(Object value) {
        return value instanceof BigInteger i && i.signum() == 0
                || value instanceof Double d && (d == 0 || d.isNaN());
    }

    private static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Turns YAML nodes into the values js-yaml would produce, reporting problems at file lines. */
    private record FrontMatterReader(String fileName, int firstLine) {

        Map<String, BumpType> releases(MappingNode mapping) {
            Map<String, Node> keys = new LinkedHashMap<>();
            Map<String, Node> values = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (!(keyNode instanceof ScalarNode)) {
                    throw error(keyNode, "invalid package name: expected a string, found a "
                            + (keyNode instanceof SequenceNode ? "list" : "mapping"));
                }
                String name = keyString(keyNode);
                if (keys.putIfAbsent(name, keyNode) != null) {
                    throw error(keyNode, "invalid YAML in front matter: duplicated mapping key \"" + name + "\"");
                }
                values.put(name, tuple.getValueNode());
            }
            Map<String, BumpType> releases = new LinkedHashMap<>();
            for (String name : javaScriptKeyOrder(keys.keySet())) {
                if (name.trim().isEmpty()) {
                    throw error(keys.get(name), "invalid package name \"" + name + "\": expected a non-empty string");
                }
                Node valueNode = values.get(name);
                Object type = value(valueNode);
                if (!(type instanceof String typeName)) {
                    throw error(valueNode, "invalid bump type for \"" + name + "\": expected one of major, minor, "
                            + "patch, none, found " + describe(type));
                }
                try {
                    releases.put(name, BumpType.parse(typeName));
                } catch (IllegalArgumentException e) {
                    throw error(valueNode, "invalid bump type \"" + typeName + "\" for \"" + name
                            + "\": expected one of major, minor, patch, none");
                }
            }
            return releases;
        }

        /** js-yaml builds a plain object: String(key) for scalar keys. */
        private String keyString(Node keyNode) {
            Object key = value(keyNode);
            if (key == null) {
                return "null";
            }
            if (key instanceof BigInteger || key instanceof Double || key instanceof Boolean) {
                return javaScriptString(key);
            }
            return key instanceof String s ? s : ((ScalarNode) keyNode).getValue();
        }

        /** The js-yaml value of a node: String, BigInteger, Double, Boolean, null, or the node for collections. */
        Object value(Node node) {
            String tag = node.getTag().getValue();
            String shortTag = tag.startsWith(Tag.PREFIX) ? tag.substring(Tag.PREFIX.length()) : tag;
            if (!KNOWN_TAGS.contains(shortTag)) {
                throw error(node, "invalid YAML in front matter: unknown tag !<" + tag + ">");
            }
            if (!(node instanceof ScalarNode scalar)) {
                return node;
            }
            String text = scalar.getValue();
            return switch (shortTag) {
                case "null" -> null;
                case "bool" -> Boolean.valueOf(text.equalsIgnoreCase("true"));
                case "int" -> CoreSchemaResolver.integer(text);
                case "float" -> CoreSchemaResolver.floating(text);
                case "str" -> text;
                default -> node;
            };
        }

        ChangesetFormatException error(Node node, String problem) {
            return new ChangesetFormatException(fileName, firstLine + node.getStartMark().getLine(), problem);
        }

        private static String describe(Object value) {
            if (value == null) {
                return "nothing";
            }
            if (value instanceof Node node) {
                return node instanceof SequenceNode ? "a list" : node instanceof MappingNode ? "a mapping"
                        : "\"" + ((ScalarNode) node).getValue() + "\"";
            }
            return (value instanceof Boolean ? "boolean " : "number ") + javaScriptString(value);
        }

        /** Object.entries order: integer-like keys first, ascending, then the rest in insertion order. */
        private static List<String> javaScriptKeyOrder(Set<String> keys) {
            List<String> ordered = new ArrayList<>(keys.stream().filter(FrontMatterReader::isArrayIndex)
                    .sorted(Comparator.comparingLong(Long::parseLong)).toList());
            keys.stream().filter(key -> !isArrayIndex(key)).forEach(ordered::add);
            return ordered;
        }

        private static boolean isArrayIndex(String key) {
            return key.matches("0|[1-9][0-9]{0,9}") && Long.parseLong(key) < 4294967295L;
        }

        private static String javaScriptString(Object value) {
            if (value instanceof Double d) {
                if (d.isNaN()) {
                    return "NaN";
                }
                if (d.isInfinite()) {
                    return d > 0 ? "Infinity" : "-Infinity";
                }
                return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            }
            return String.valueOf(value);
        }
    }

    /** SnakeYAML's reader, counting what its scanner reads ({@link ParseSteps}). */
    private static final class CountedStreamReader extends StreamReader {
        CountedStreamReader(String text) {
            super(text);
        }

        @Override
        public int peek() {
            ParseSteps.add(1);
            return super.peek();
        }

        @Override
        public int peek(int index) {
            ParseSteps.add(1);
            return super.peek(index);
        }

        @Override
        public String prefix(int length) {
            ParseSteps.add(length);
            return super.prefix(length);
        }

        @Override
        public void forward(int length) {
            ParseSteps.add(length);
            super.forward(length);
        }
    }

    /** YAML 1.2 core schema plus timestamps, as js-yaml 4 resolves plain scalars (SnakeYAML defaults to 1.1). */
    private static final class CoreSchemaResolver extends Resolver {

        private static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
        private static final Pattern INT =
                Pattern.compile("[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0o[0-7_]+|[0-9][0-9_]*)");
        private static final Pattern FLOAT = Pattern.compile("[-+]?(?:[0-9][0-9_]*)(?:\\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?"
                + "|\\.[0-9_]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
        private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
        private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}"
                + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]*)?"
                + "(?:[ \\t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?");

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, anchored(BOOL), "tfTF");
            addImplicitResolver(Tag.INT, anchored(INT), "-+0123456789");
            addImplicitResolver(Tag.FLOAT, anchored(FLOAT), "-+0123456789.");
            addImplicitResolver(Tag.NULL, anchored(NULL), "~nN\0");
            addImplicitResolver(Tag.NULL, anchored(NULL), null);
            addImplicitResolver(Tag.TIMESTAMP, anchored(TIMESTAMP), "0123456789");
        }

        private static Pattern anchored(Pattern pattern) {
            return Pattern.compile("^(?:" + pattern.pattern() + ")$");
        }

        static Object integer(String text) {
            String digits = text.replace("_", "");
            boolean negative = digits.startsWith("-");
            if (digits.startsWith("-") || digits.startsWith("+")) {
                digits = digits.substring(1);
            }
            int radix = 10;
            if (digits.startsWith("0b") || digits.startsWith("0x") || digits.startsWith("0o")) {
                radix = switch (digits.charAt(1)) {
                    case 'b' -> 2;
                    case 'x' -> 16;
                    default -> 8;
                };
                digits = digits.substring(2);
            }
            try {
                BigInteger value = new BigInteger(digits, radix);
                return negative ? value.negate() : value;
            } catch (NumberFormatException e) {
                return text;
            }
        }

        static Object floating(String text) {
            String plain = text.replace("_", "").toLowerCase(Locale.ROOT);
            if (plain.endsWith(".nan")) {
                return Double.NaN;
            }
            if (plain.endsWith(".inf")) {
                return plain.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            try {
                return Double.valueOf(plain);
            } catch (NumberFormatException e) {
                return text;
            }
        }
    }
}

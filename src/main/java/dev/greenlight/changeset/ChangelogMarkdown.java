package dev.greenlight.changeset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Formats a changelog entry the way {@code changeset version} leaves it: the tool writes raw Markdown and runs
 * prettier 2.8 over CHANGELOG.md (parser "markdown", proseWrap "preserve"). This is a port of the parts of prettier's
 * Markdown parser (remark-parse 7 in CommonMark mode) and printer that changelog entries use: ATX headings,
 * paragraphs with inline code, bullet and ordered lists (nested, tight or loose), indented code, thematic breaks
 * and blank lines. Other constructs (links, emphasis, block quotes, fenced code, HTML) are kept as text, where
 * prettier may print them differently.
 */
final class ChangelogMarkdown {
    private static final int TAB_SIZE = 4;
    /** Deeper lists are kept as text: prettier recurses without a limit, Greenlight does not. */
    private static final int MAX_DEPTH = 32;
    private static final Pattern BULLET =
            Pattern.compile("^([ \\t]*)([*+-]|\\d+[.)])( {1,4}(?! )| |\\t|$|(?=\\n))([^\\n]*)");
    private static final Pattern ORDERED_INFO = Pattern.compile("^" + JsText.WHITESPACE + "*(\\d+)([.)])("
            + JsText.WHITESPACE + "*)");
    private static final Pattern LIST_MARKER_WORD = Pattern.compile("^>|^(?:[*+-]|#{1,6}|\\d+[).])$");
    private static final String PUNCTUATION = "[\\u0021-\\u002f\\u003a-\\u0040\\u005b-\\u0060\\u007b-\\u007e]";
    private static final Pattern UNDERSCORES =
            Pattern.compile("(^|" + PUNCTUATION + ")(_+)|(_+)(" + PUNCTUATION + "|$)");
    /** Marks a printed line that prettier does not indent: it continues a raw line break inside inline code. */
    private static final char RAW = '\u0000';

    private ChangelogMarkdown() {
    }

    static String format(String markdown) {
        List<Node> blocks = new Parser().tokenizeBlock(markdown, 1);
        markIndentedCode(blocks, new ArrayList<>());
        markAlignedLists(blocks, true);
        List<String> lines = new Printer().children(blocks, null);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i > 0) {
                out.append('\n');
            }
            if (line.startsWith(String.valueOf(RAW))) {
                line = line.substring(1);
            }
            // prettier trims trailing blanks at each line break it prints, not at those inside code spans
            boolean rawBreakFollows = i + 1 < lines.size() && lines.get(i + 1).startsWith(String.valueOf(RAW));
            out.append(rawBreakFollows ? line : Printer.trimTrailingBlanks(line));
        }
        return JsText.trimEnd(out.toString());
    }

    /** transformIndentedCodeblockAndMarkItsParentList: lists around indented code align their prefixes. */
    private static void markIndentedCode(List<? extends Node> nodes, List<ListNode> lists) {
        for (Node node : nodes) {
            if (node instanceof Code) {
                for (int i = lists.size() - 1; i >= 0 && !lists.get(i).hasIndentedCode; i--) {
                    lists.get(i).hasIndentedCode = true;
                }
            } else if (node instanceof ListNode list) {
                lists.add(list);
                list.items.forEach(item -> markIndentedCode(item.children, lists));
                lists.remove(lists.size() - 1);
            }
        }
    }

    /** markAlignedList: whether an ordered list's items are aligned to the tab width in the source. */
    private static void markAlignedLists(List<? extends Node> nodes, boolean ancestorsAligned) {
        for (Node node : nodes) {
            if (node instanceof ListNode list && !list.items.isEmpty()) {
                list.aligned = ancestorsAligned && isAligned(list);
                list.items.forEach(item -> markAlignedLists(item.children, list.aligned));
            }
        }
    }

    private static boolean isAligned(ListNode list) {
        if (!list.ordered) {
            return true;
        }
        Item first = list.items.get(0);
        if (leadingSpaces(first) > 1) {
            return true;
        }
        int firstStart = first.firstChildColumn;
        if (firstStart == -1) {
            return false;
        }
        if (list.items.size() == 1) {
            return firstStart % 2 == 0;
        }
        Item second = list.items.get(1);
        if (second.firstChildColumn != firstStart) {
            return false;
        }
        return firstStart % 2 == 0 || leadingSpaces(second) > 1;
    }

    /**
     * The whitespace after an ordered item's marker in the document. prettier reads it from the source, where an item
     * whose first line is empty takes in the line break and the indentation of the line after it.
     */
    private static int leadingSpaces(Item item) {
        Matcher m = ORDERED_INFO.matcher(item.source);
        if (!m.find()) {
            return 0;
        }
        String spaces = m.group(3);
        boolean continuesOnNextLine = spaces.indexOf('\n') >= 0 && m.end() < item.source.length()
                || item.source.endsWith("\n") && JsText.trim(item.source.substring(m.end())).isEmpty();
        return continuesOnNextLine ? Math.max(spaces.length(), 2) : spaces.length();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The tree: only what the printer needs

    private sealed interface Node permits Heading, Paragraph, Code, ThematicBreak, ListNode, Item {
    }

    private record Heading(int depth, List<Inline> children) implements Node {
    }

    private record Paragraph(List<Inline> children) implements Node {
    }

    /** An indented code block; its text is printed as it is. */
    private record Code(String value) implements Node {
    }

    private record ThematicBreak() implements Node {
    }

    private static final class ListNode implements Node {
        final boolean ordered;
        final int start;
        final List<Item> items = new ArrayList<>();
        boolean aligned;
        boolean hasIndentedCode;

        ListNode(boolean ordered, int start) {
            this.ordered = ordered;
            this.start = start;
        }
    }

    private static final class Item implements Node {
        final List<Node> children;
        final boolean loose;
        /** The item's source, for the number, marker and spacing of ordered items. */
        final String source;
        /** The column (from 0) where its first child starts, -1 when it has none. */
        final int firstChildColumn;

        Item(List<Node> children, boolean loose, String source, int firstChildColumn) {
            this.children = children;
            this.loose = loose;
            this.source = source;
            this.firstChildColumn = firstChildColumn;
        }
    }

    private sealed interface Inline permits Text, InlineCode {
    }

    private record Text(String value) implements Inline {
    }

    private record InlineCode(String value) implements Inline {
    }

    // ---------------------------------------------------------------------------------------------------------------
    // remark-parse 7 (commonmark: true, gfm: true): the block tokenizers, tried in its order

    private static final class Parser {
        /** Columns removed from the start of each line (by line number) by enclosing list items. */
        private final Map<Integer, Integer> offsets = new HashMap<>();
        private int depth;

        List<Node> tokenizeBlock(String value, int firstLine) {
            List<Node> nodes = new ArrayList<>();
            int position = 0;
            int line = firstLine;
            while (position < value.length()) {
                // a view, not a copy: copying what is left at every block would be quadratic
                Slice rest = new Slice(value, position);
                Eaten eaten = blankLine(rest);
                if (eaten == null) {
                    eaten = indentedCode(rest);
                }
                if (eaten == null) {
                    eaten = atxHeading(rest, false);
                }
                if (eaten == null) {
                    eaten = thematicBreak(rest);
                }
                if (eaten == null && depth < MAX_DEPTH) {
                    eaten = list(rest, line);
                }
                if (eaten == null) {
                    eaten = setextHeading(rest);
                }
                if (eaten == null) {
                    eaten = paragraph(rest);
                }
                if (eaten.node() != null) {
                    nodes.add(eaten.node());
                }
                line += count(value, position, position + eaten.length(), '\n');
                position += eaten.length();
            }
            return nodes;
        }

        private record Eaten(int length, Node node) {
        }

        private static Eaten blankLine(Slice value) {
            int index = 0;
            while (index < value.length()) {
                int end = index;
                while (end < value.length() && (value.charAt(end) == ' ' || value.charAt(end) == '\t')) {
                    end++;
                }
                if (end == value.length()) {
                    index = end;
                } else if (value.charAt(end) == '\n') {
                    index = end + 1;
                } else {
                    break;
                }
            }
            return index == 0 ? null : new Eaten(index, null);
        }

        private static Eaten indentedCode(Slice value) {
            StringBuilder subvalue = new StringBuilder();
            StringBuilder content = new StringBuilder();
            StringBuilder pendingSubvalue = new StringBuilder();
            StringBuilder pendingContent = new StringBuilder();
            boolean indented = false;
            for (int index = 0; index < value.length(); index++) {
                char c = value.charAt(index);
                if (indented) {
                    indented = false;
                    subvalue.append(pendingSubvalue);
                    content.append(pendingContent);
                    pendingSubvalue.setLength(0);
                    pendingContent.setLength(0);
                    if (c == '\n') {
                        pendingSubvalue.append(c);
                        pendingContent.append(c);
                    } else {
                        subvalue.append(c);
                        content.append(c);
                        while (++index < value.length()) {
                            c = value.charAt(index);
                            if (c == '\n') {
                                pendingContent.append(c);
                                pendingSubvalue.append(c);
                                break;
                            }
                            subvalue.append(c);
                            content.append(c);
                        }
                    }
                } else if (value.startsWith("    ", index)) {
                    pendingSubvalue.append("    ");
                    index += 3;
                    indented = true;
                } else if (c == '\t') {
                    pendingSubvalue.append(c);
                    indented = true;
                } else {
                    StringBuilder blank = new StringBuilder();
                    while (c == '\t' || c == ' ') {
                        blank.append(c);
                        c = ++index < value.length() ? value.charAt(index) : '\0';
                    }
                    if (c != '\n') {
                        break;
                    }
                    pendingSubvalue.append(blank).append(c);
                    pendingContent.append(c);
                }
            }
            if (content.isEmpty()) {
                return null;
            }
            return new Eaten(subvalue.length(), new Code(trimTrailingLines(content.toString())));
        }

        /** Returns the heading, or for {@code silent} a non-null marker when one starts here. */
        private static Eaten atxHeading(CharSequence value, boolean silent) {
            int index = 0;
            int length = value.length();
            while (index < length && (value.charAt(index) == ' ' || value.charAt(index) == '\t')) {
                index++;
            }
            int depth = 0;
            while (index < length && value.charAt(index) == '#') {
                depth++;
                index++;
            }
            if (depth == 0 || depth > 6) {
                return null;
            }
            int afterHashes = index;
            while (index < length && (value.charAt(index) == ' ' || value.charAt(index) == '\t')) {
                index++;
            }
            if (index == afterHashes && index < length && value.charAt(index) != '\n') {
                return null;
            }
            int end = index;
            while (end < length && value.charAt(end) != '\n') {
                end++;
            }
            if (silent) {
                return new Eaten(end, null);
            }
            // a closing sequence of hashes, after whitespace or alone, is not content
            String content = trimBlanks(value.subSequence(index, end).toString());
            int hashes = content.length();
            while (hashes > 0 && content.charAt(hashes - 1) == '#') {
                hashes--;
            }
            if (hashes < content.length() && (hashes == 0 || isBlank(content.charAt(hashes - 1)))) {
                content = trimBlanks(content.substring(0, hashes));
            }
            return new Eaten(end, new Heading(depth, inline(content)));
        }

        /** A line of text (after at most three spaces) underlined by a run of "=" or "-" alone. */
        private static Eaten setextHeading(Slice value) {
            int length = value.length();
            int index = 0;
            while (index < length && index < 3 && value.charAt(index) == ' ') {
                index++;
            }
            int lineEnd = value.indexOf('\n', index);
            if (lineEnd < 0 || lineEnd + 1 >= length) {
                return null;
            }
            char underline = value.charAt(lineEnd + 1);
            if (underline != '=' && underline != '-') {
                return null;
            }
            int end = lineEnd + 1;
            while (end < length && value.charAt(end) == underline) {
                end++;
            }
            if (end < length && value.charAt(end) != '\n') {
                return null;
            }
            String content = trimBlanks(value.substring(index, lineEnd));
            return new Eaten(end, new Heading(underline == '=' ? 1 : 2, inline(content)));
        }

        private static boolean isThematicBreak(CharSequence value) {
            int index = 0;
            int length = value.length();
            while (index < length && (value.charAt(index) == ' ' || value.charAt(index) == '\t')) {
                index++;
            }
            if (index == length) {
                return false;
            }
            char marker = value.charAt(index);
            if (marker != '*' && marker != '-' && marker != '_') {
                return false;
            }
            int count = 0;
            while (index < length) {
                char c = value.charAt(index);
                if (c == marker) {
                    count++;
                } else if (c != ' ') {
                    return count >= 3 && c == '\n';
                }
                index++;
            }
            return count >= 3;
        }

        private static Eaten thematicBreak(Slice value) {
            if (!isThematicBreak(value)) {
                return null;
            }
            int end = value.indexOf('\n');
            int length = end < 0 ? value.length() : end;
            // remark eats trailing spaces but not the line break
            return new Eaten(length, new ThematicBreak());
        }

        private static boolean isFencedCodeStart(CharSequence value) {
            int index = 0;
            int length = value.length();
            while (index < length && (value.charAt(index) == ' ' || value.charAt(index) == '\t')) {
                index++;
            }
            if (index == length || value.charAt(index) != '`' && value.charAt(index) != '~') {
                return false;
            }
            char fence = value.charAt(index);
            int count = 0;
            while (index < length && value.charAt(index) == fence) {
                count++;
                index++;
            }
            if (count < 3) {
                return false;
            }
            while (index < length && value.charAt(index) != '\n') {
                if (fence == '`' && value.charAt(index) == '`') {
                    return false;
                }
                index++;
            }
            return true;
        }

        private static boolean isBlockquoteStart(CharSequence value) {
            int index = 0;
            while (index < value.length() && (value.charAt(index) == ' ' || value.charAt(index) == '\t')) {
                index++;
            }
            return index < value.length() && value.charAt(index) == '>';
        }

        /** The list tokenizer in silent mode: an ordered list interrupts a paragraph only when it starts at 1. */
        private static boolean isListStart(CharSequence value, boolean interrupting) {
            int index = 0;
            int length = value.length();
            while (index < length && (value.charAt(index) == ' ' || value.charAt(index) == '\t')) {
                index++;
            }
            if (index == length) {
                return false;
            }
            char c = value.charAt(index);
            if (c != '*' && c != '+' && c != '-') {
                int digits = index;
                while (index < length && isDigit(value.charAt(index))) {
                    index++;
                }
                if (index == digits || index == length || value.charAt(index) != '.' && value.charAt(index) != ')') {
                    return false;
                }
                if (interrupting && !value.subSequence(digits, index).toString().equals("1")) {
                    return false;
                }
            }
            index++;
            return index >= length || value.charAt(index) == ' ' || value.charAt(index) == '\t'
                    || value.charAt(index) == '\n';
        }

        private Eaten paragraph(Slice value) {
            int length = value.length();
            int index = value.indexOf('\n');
            while (index < length) {
                if (index == -1) {
                    index = length;
                    break;
                }
                if (index + 1 < length && value.charAt(index + 1) == '\n') {
                    break;
                }
                // in CommonMark mode lines indented by four or more continue the paragraph
                int size = 0;
                int position = index + 1;
                char c = '\0';
                while (position < length) {
                    c = value.charAt(position);
                    if (c == '\t') {
                        size = TAB_SIZE;
                        break;
                    } else if (c == ' ') {
                        size++;
                    } else {
                        break;
                    }
                    position++;
                }
                if (size >= TAB_SIZE && c != '\n') {
                    index = value.indexOf('\n', index + 1);
                    continue;
                }
                CharSequence following = value.from(index + 1);
                if (isThematicBreak(following) || isListStart(following, true) || atxHeading(following, true) != null
                        || isFencedCodeStart(following) || isBlockquoteStart(following)) {
                    break;
                }
                position = index;
                index = value.indexOf('\n', index + 1);
                if (index != -1 && JsText.trim(value.substring(position, index)).isEmpty()) {
                    index = position;
                    break;
                }
            }
            String subvalue = value.substring(0, index);
            if (JsText.trim(subvalue).isEmpty()) {
                return new Eaten(subvalue.length(), null);
            }
            return new Eaten(subvalue.length(), new Paragraph(inline(trimTrailingLines(subvalue))));
        }

        private static final class ListItemLines {
            final List<String> lines = new ArrayList<>();
            final int indent;
            List<String> trail = List.of();

            ListItemLines(String first, int indent) {
                lines.add(first);
                this.indent = indent;
            }
        }

        private Eaten list(Slice value, int firstLine) {
            int length = value.length();
            int index = 0;
            while (index < length && (value.charAt(index) == ' ' || value.charAt(index) == '\t')) {
                index++;
            }
            if (index == length) {
                return null;
            }
            char c = value.charAt(index);
            boolean ordered;
            char marker;
            int start = 0;
            if (c == '*' || c == '+' || c == '-') {
                marker = c;
                ordered = false;
            } else {
                ordered = true;
                int digits = index;
                while (index < length && isDigit(value.charAt(index))) {
                    index++;
                }
                if (index == digits || index == length || value.charAt(index) != '.' && value.charAt(index) != ')') {
                    return null;
                }
                start = Integer.parseInt(value.substring(digits, Math.min(index, digits + 9)));
                marker = value.charAt(index);
            }
            index++;
            if (index < length && value.charAt(index) != ' ' && value.charAt(index) != '\t'
                    && value.charAt(index) != '\n') {
                return null;
            }

            List<ListItemLines> items = new ArrayList<>();
            List<String> allLines = new ArrayList<>();
            List<String> emptyLines = new ArrayList<>();
            ListItemLines item = null;
            boolean empty = false;
            index = 0;
            while (index < length) {
                int nextIndex = value.indexOf('\n', index);
                int startIndex = index;
                boolean prefixed;
                boolean indented = false;
                if (nextIndex == -1) {
                    nextIndex = length;
                }
                int size = 0;
                while (index < length) {
                    c = value.charAt(index);
                    if (c == '\t') {
                        size += TAB_SIZE - size % TAB_SIZE;
                    } else if (c == ' ') {
                        size++;
                    } else {
                        break;
                    }
                    index++;
                }
                if (item != null && size >= item.indent) {
                    indented = true;
                }
                c = index < length ? value.charAt(index) : '\0';
                char currentMarker = '\0';
                if (!indented) {
                    if (c == '*' || c == '+' || c == '-') {
                        currentMarker = c;
                        index++;
                        size++;
                    } else {
                        int digits = index;
                        while (index < length && isDigit(value.charAt(index))) {
                            index++;
                        }
                        c = index < length ? value.charAt(index) : '\0';
                        index++;
                        if (index - 1 > digits && (c == '.' || c == ')')) {
                            currentMarker = c;
                            size += index - 1 - digits + 1;
                        }
                    }
                    if (currentMarker != '\0') {
                        c = index < length ? value.charAt(index) : '\0';
                        if (c == '\t') {
                            size += TAB_SIZE - size % TAB_SIZE;
                            index++;
                        } else if (c == ' ') {
                            int end = index + TAB_SIZE;
                            while (index < end && index < length && value.charAt(index) == ' ') {
                                index++;
                                size++;
                            }
                            if (index == end && index < length && value.charAt(index) == ' ') {
                                index -= TAB_SIZE - 1;
                                size -= TAB_SIZE - 1;
                            }
                        } else if (c != '\n' && c != '\0') {
                            currentMarker = '\0';
                        }
                    }
                }
                if (currentMarker != '\0') {
                    if (marker != currentMarker) {
                        break;
                    }
                    prefixed = true;
                } else {
                    if (item != null) {
                        indented = size >= item.indent || size > TAB_SIZE;
                    }
                    prefixed = false;
                    index = startIndex;
                }
                String line = value.substring(startIndex, nextIndex);
                String content = startIndex == index ? line : value.substring(Math.min(index, nextIndex), nextIndex);
                if ((currentMarker == '*' || currentMarker == '-') && isThematicBreak(line)) {
                    break;
                }
                boolean previousEmpty = empty;
                empty = !prefixed && JsText.trim(content).isEmpty();
                if (indented && item != null) {
                    item.lines.addAll(emptyLines);
                    item.lines.add(line);
                    allLines.addAll(emptyLines);
                    allLines.add(line);
                    emptyLines = new ArrayList<>();
                } else if (prefixed) {
                    if (!emptyLines.isEmpty()) {
                        item.lines.add("");
                        item.trail = List.copyOf(emptyLines);
                    }
                    item = new ListItemLines(line, size);
                    items.add(item);
                    allLines.addAll(emptyLines);
                    allLines.add(line);
                    emptyLines = new ArrayList<>();
                } else if (empty) {
                    emptyLines.add(line);
                } else {
                    if (previousEmpty || item == null || atxHeading(line, true) != null || isFencedCodeStart(line)
                            || isThematicBreak(line)) {
                        break;
                    }
                    item.lines.addAll(emptyLines);
                    item.lines.add(line);
                    allLines.addAll(emptyLines);
                    allLines.add(line);
                    emptyLines = new ArrayList<>();
                }
                index = nextIndex + 1;
            }
            if (items.isEmpty()) {
                return null;
            }
            ListNode node = new ListNode(ordered, start);
            int line = firstLine;
            depth++;
            for (int i = 0; i < items.size(); i++) {
                String itemValue = String.join("\n", items.get(i).lines);
                node.items.add(listItem(itemValue, line));
                // the item, then its trailing blank lines and the line break before the next one
                List<String> trail = items.get(i).trail;
                line += count(itemValue, 0, itemValue.length(), '\n') + (trail.isEmpty() ? 1 : trail.size());
            }
            depth--;
            return new Eaten(String.join("\n", allLines).length(), node);
        }

        /** normalListItem: the bullet replaced by spaces, then the shared indentation removed. */
        private Item listItem(String value, int line) {
            Matcher bullet = BULLET.matcher(ParseSteps.counted(value));
            String replaced = value;
            String rest = "";
            int bulletLength = 0;
            int max = 0;
            if (bullet.find()) {
                String leading = bullet.group(1);
                String marker = bullet.group(2);
                String spacing = bullet.group(3);
                bulletLength = leading.length() + marker.length() + spacing.length();
                rest = bullet.group(4);
                int markerWidth = marker.length();
                // JavaScript's Number("1.") is 1 and Number("1)") NaN: only "." items under 10 get the extra space
                if (marker.endsWith(".") && Double.parseDouble(marker.substring(0, marker.length() - 1)) < 10
                        && bulletLength % 2 == 1) {
                    markerWidth++;
                }
                String spaces = leading + " ".repeat(markerWidth) + spacing;
                max = indentOf(spaces).indent;
                replaced = spaces + rest + value.substring(bullet.end());
            }
            ParseSteps.add(2 * replaced.length());
            String[] lines = replaced.split("\n", -1);
            String[] trimmed = removeIndentation(replaced, max).split("\n", -1);
            trimmed[0] = rest;
            int base = offsets.getOrDefault(line, 0);
            offsets.put(line, base + bulletLength);
            for (int i = 1; i < lines.length; i++) {
                offsets.merge(line + i, lines[i].length() - trimmed[i].length(), Integer::sum);
            }
            String content = String.join("\n", trimmed);
            // positions are taken before nested items add their own bullets to the offsets
            int firstChildColumn = firstChildColumn(content, line);
            List<Node> children = tokenizeBlock(content, line);
            return new Item(children, isSpread(content) || value.endsWith("\n"), value, firstChildColumn);
        }

        /** remark's /\n\n(?!\s*$)/: a blank line with something after it (the regex rescanned the tail each time). */
        private static boolean isSpread(String content) {
            ParseSteps.add(content.length());
            int blank = content.indexOf("\n\n");
            if (blank < 0) {
                return false;
            }
            for (int i = content.length() - 1; i >= blank + 2; i--) {
                if (!JsText.isWhitespace(content.charAt(i))) {
                    return true;
                }
            }
            return false;
        }

        private static String trimBlanks(String text) {
            int end = text.length();
            while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
                end--;
            }
            return text.substring(0, end);
        }

        private static boolean isBlank(char c) {
            return c == ' ' || c == '\t';
        }

        /** Where the first child of an item whose content is {@code content} starts, from column 0. */
        private int firstChildColumn(String content, int line) {
            int index = 0;
            int currentLine = line;
            while (index < content.length()) {
                int end = content.indexOf('\n', index);
                if (end < 0) {
                    end = content.length();
                }
                if (!content.substring(index, end).isBlank()) {
                    // blocks start where their line starts: leading spaces belong to them
                    return offsets.getOrDefault(currentLine, 0);
                }
                index = end + 1;
                currentLine++;
            }
            return -1;
        }

        private record Indent(int indent, Map<Integer, Integer> stops) {
        }

        private static Indent indentOf(String value) {
            int index = 0;
            int indent = 0;
            Map<Integer, Integer> stops = new HashMap<>();
            int stop = 0;
            while (index < value.length() && (value.charAt(index) == '\t' || value.charAt(index) == ' ')) {
                int size = value.charAt(index) == '\t' ? TAB_SIZE : 1;
                indent += size;
                if (size > 1) {
                    indent = indent / size * size;
                }
                while (stop < indent) {
                    stops.put(++stop, index);
                }
                index++;
            }
            return new Indent(indent, stops);
        }

        /** remark's remove-indentation: the smallest indentation, at most {@code maximum}, off every line. */
        private static String removeIndentation(String value, int maximum) {
            List<String> values = new ArrayList<>(List.of(value.split("\n", -1)));
            values.add(0, " ".repeat(maximum) + "!");
            List<Map<Integer, Integer>> matrix = new ArrayList<>();
            values.forEach(v -> matrix.add(null));
            int minIndent = Integer.MAX_VALUE;
            for (int position = values.size() - 1; position >= 0; position--) {
                Indent indentation = indentOf(values.get(position));
                matrix.set(position, indentation.stops());
                if (JsText.trim(values.get(position)).isEmpty()) {
                    continue;
                }
                if (indentation.indent() > 0) {
                    minIndent = Math.min(minIndent, indentation.indent());
                } else {
                    minIndent = Integer.MAX_VALUE;
                    break;
                }
            }
            if (minIndent != Integer.MAX_VALUE) {
                for (int position = values.size() - 1; position >= 0; position--) {
                    Map<Integer, Integer> stops = matrix.get(position);
                    int index = minIndent;
                    while (index > 0 && !stops.containsKey(index)) {
                        index--;
                    }
                    Integer stop = stops.get(index);
                    values.set(position, values.get(position).substring(stop == null ? 0 : stop + 1));
                }
            }
            values.remove(0);
            return String.join("\n", values);
        }

        /**
         * Text and code spans; everything else inline stays text. remark tries a code span at every backtick, a
         * failed one leaving a single backtick of text; the runs are indexed once so that this stays linear.
         */
        private static List<Inline> inline(String value) {
            ParseSteps.add(2 * value.length());
            Map<Integer, List<Integer>> runStartsByLength = new HashMap<>();
            int scan = 0;
            while (scan < value.length()) {
                if (value.charAt(scan) != '`') {
                    scan++;
                    continue;
                }
                int start = scan;
                while (scan < value.length() && value.charAt(scan) == '`') {
                    scan++;
                }
                runStartsByLength.computeIfAbsent(scan - start, length -> new ArrayList<>()).add(start);
            }
            List<Inline> nodes = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            int index = 0;
            int runEnd = 0;
            while (index < value.length()) {
                if (value.charAt(index) != '`') {
                    text.append(value.charAt(index++));
                    continue;
                }
                if (index >= runEnd) {
                    runEnd = index;
                    while (runEnd < value.length() && value.charAt(runEnd) == '`') {
                        runEnd++;
                    }
                }
                int close = runEnd < value.length() ? firstRunAfter(runStartsByLength.get(runEnd - index), runEnd) : -1;
                if (close < 0) {
                    // not a code span: one backtick is text, and the next one may open a span
                    text.append('`');
                    index++;
                    continue;
                }
                if (!text.isEmpty()) {
                    nodes.add(new Text(text.toString()));
                    text.setLength(0);
                }
                nodes.add(new InlineCode(codeValue(value.substring(runEnd, close))));
                index = close + (runEnd - index);
            }
            if (!text.isEmpty()) {
                nodes.add(new Text(text.toString()));
            }
            return nodes;
        }

        /** The first of the (ascending) run starts after {@code position}, or -1. */
        private static int firstRunAfter(List<Integer> starts, int position) {
            if (starts == null) {
                return -1;
            }
            int low = 0;
            int high = starts.size();
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (starts.get(middle) <= position) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low < starts.size() ? starts.get(low) : -1;
        }

        /** One space (or line break) is stripped from both ends when both have one and the rest is not blank. */
        private static String codeValue(String content) {
            if (content.length() > 2 && isSpaceOrNewline(content.charAt(0))
                    && isSpaceOrNewline(content.charAt(content.length() - 1))) {
                for (int i = 1; i < content.length() - 1; i++) {
                    if (!isSpaceOrNewline(content.charAt(i))) {
                        return content.substring(1, content.length() - 1);
                    }
                }
            }
            return content;
        }

        private static boolean isSpaceOrNewline(char c) {
            return c == ' ' || c == '\n';
        }

        private static String trimTrailingLines(String value) {
            int end = value.length();
            while (end > 0 && value.charAt(end - 1) == '\n') {
                end--;
            }
            return value.substring(0, end);
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int count(String text, int from, int to, char c) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    /** The rest of a string from an index, without copying it; indexes are relative to {@code start}. */
    private record Slice(String text, int start) implements CharSequence {
        @Override
        public int length() {
            return text.length() - start;
        }

        @Override
        public char charAt(int index) {
            ParseSteps.add(1);
            return text.charAt(start + index);
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            ParseSteps.add(to - from);
            return text.subSequence(start + from, start + to);
        }

        Slice from(int index) {
            return new Slice(text, start + index);
        }

        String substring(int from, int to) {
            ParseSteps.add(to - from);
            return text.substring(start + from, start + to);
        }

        boolean startsWith(String prefix, int at) {
            ParseSteps.add(prefix.length());
            return text.startsWith(prefix, start + at);
        }

        int indexOf(char c) {
            return indexOf(c, 0);
        }

        int indexOf(char c, int from) {
            int found = text.indexOf(c, start + from);
            ParseSteps.add((found < 0 ? text.length() : found) - start - from);
            return found < 0 ? -1 : found - start;
        }

        @Override
        public String toString() {
            return text.substring(start);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // prettier 2.8's Markdown printer, for the nodes above

    private static final class Printer {
        /** The sibling index of each list around the node being printed, innermost last. */
        private final List<Integer> lists = new ArrayList<>();

        /** The children of {@code parent} (null for the document), one printed line per element. */
        List<String> children(List<? extends Node> nodes, Node parent) {
            List<String> lines = new ArrayList<>();
            Node previous = null;
            int listIndex = -1;
            for (Node node : nodes) {
                // getNthListSiblingIndex: adjacent lists of the same kind alternate their markers
                if (node instanceof ListNode list) {
                    listIndex = previous instanceof ListNode before && before.ordered == list.ordered ? listIndex + 1 : 0;
                }
                if (previous instanceof ListNode && node instanceof Code) {
                    // indented code after a list: two blank lines, so that it cannot continue the list's last item
                    lines.add("");
                    lines.add("");
                } else if (previous != null && doubleHardline(node, previous, parent)) {
                    lines.add("");
                }
                lines.addAll(print(node, listIndex));
                previous = node;
            }
            return lines;
        }

        private static boolean doubleHardline(Node node, Node previous, Node parent) {
            boolean siblingItems = node instanceof Item && previous instanceof Item;
            boolean inTightItem = parent instanceof Item item && !item.loose;
            boolean previousLoose = previous instanceof Item item && item.loose;
            return previousLoose || !(siblingItems || inTightItem);
        }

        private List<String> print(Node node, int listIndex) {
            if (node instanceof Heading heading) {
                return prefixed("#".repeat(heading.depth()) + " ", inline(heading.children()), 0);
            }
            if (node instanceof Paragraph paragraph) {
                return inline(paragraph.children());
            }
            if (node instanceof Code code) {
                return code(code.value());
            }
            if (node instanceof ListNode list) {
                return list(list, listIndex);
            }
            if (node instanceof Item item) {
                return children(item.children, item);
            }
            // a thematic break inside a list must not look like an item of it
            return List.of(lists.isEmpty() || lists.get(lists.size() - 1) % 2 != 0 ? "---" : "***");
        }

        private static List<String> code(String value) {
            List<String> lines = new ArrayList<>();
            for (String line : value.split("\n", -1)) {
                lines.add("    " + line);
            }
            return lines;
        }

        private List<String> list(ListNode list, int siblingIndex) {
            boolean gitDiffFriendly = gitDiffFriendly(list);
            List<String> lines = new ArrayList<>();
            lists.add(siblingIndex);
            Item previous = null;
            for (int index = 0; index < list.items.size(); index++) {
                Item item = list.items.get(index);
                String prefix;
                if (list.ordered) {
                    long number = index == 0 ? list.start : gitDiffFriendly ? 1 : (long) list.start + index;
                    prefix = number + (siblingIndex % 2 == 0 ? ". " : ") ");
                } else {
                    prefix = siblingIndex % 2 == 0 ? "- " : "* ";
                }
                if (list.aligned || list.hasIndentedCode) {
                    int rest = prefix.length() % 2;
                    prefix = prefix + " ".repeat(rest == 0 ? 0 : 2 - rest);
                }
                if (previous != null && previous.loose) {
                    lines.add("");
                }
                lines.addAll(prefixed(prefix, children(item.children, item), prefix.length()));
                previous = item;
            }
            lists.remove(lists.size() - 1);
            return lines;
        }

        /** hasGitDiffFriendlyOrderedList: "1. 1. 1." (or "0. 1. 1.") numbers every item alike. */
        private static boolean gitDiffFriendly(ListNode list) {
            if (!list.ordered || list.items.size() < 2) {
                return false;
            }
            double first = number(list.items.get(0));
            double second = number(list.items.get(1));
            if (first == 0 && list.items.size() > 2) {
                return second == 1 && number(list.items.get(2)) == 1;
            }
            return second == 1;
        }

        private static double number(Item item) {
            Matcher m = ORDERED_INFO.matcher(item.source);
            return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        }

        /** {@code prefix} before the first line, the others aligned under it by {@code align} spaces. */
        private static List<String> prefixed(String prefix, List<String> lines, int align) {
            List<String> result = new ArrayList<>();
            String indent = " ".repeat(align);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (i == 0) {
                    result.add(line.startsWith(String.valueOf(RAW)) ? prefix + line.substring(1) : prefix + line);
                } else if (line.startsWith(String.valueOf(RAW)) || line.isEmpty()) {
                    result.add(line);
                } else {
                    result.add(indent + line);
                }
            }
            if (result.isEmpty()) {
                result.add(prefix);
            }
            return result;
        }

        /**
         * A paragraph's or heading's text: words and code spans, whitespace runs as one space, line breaks kept
         * (proseWrap "preserve"), except before a word that would start a list or heading, where they become a space.
         */
        private static List<String> inline(List<Inline> children) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < children.size(); i++) {
                Inline child = children.get(i);
                if (child instanceof InlineCode code) {
                    out.append(inlineCode(code.value()));
                    continue;
                }
                String value = ((Text) child).value();
                if (i == 0) {
                    value = JsText.trimStart(value);
                }
                if (i == children.size() - 1) {
                    value = JsText.trimEnd(value);
                }
                sentence(out, value);
            }
            return List.of(out.toString().split("\n", -1));
        }

        private static void sentence(StringBuilder out, String value) {
            List<String> tokens = new ArrayList<>();
            int index = 0;
            while (index < value.length()) {
                int start = index;
                boolean blank = isBlank(value.charAt(index));
                while (index < value.length() && isBlank(value.charAt(index)) == blank) {
                    index++;
                }
                tokens.add(value.substring(start, index));
            }
            for (int i = 0; i < tokens.size(); i++) {
                String token = tokens.get(i);
                if (!isBlank(token.charAt(0))) {
                    out.append(escape(token));
                } else if (token.indexOf('\n') >= 0
                        && (i + 1 == tokens.size()
                                || !LIST_MARKER_WORD.matcher(ParseSteps.counted(tokens.get(i + 1))).find())) {
                    out.append('\n');
                } else {
                    out.append(' ');
                }
            }
        }

        private static boolean isBlank(char c) {
            return c == ' ' || c == '\t' || c == '\n';
        }

        /** prettier escapes asterisks, and underscores next to punctuation or the word's ends. */
        private static String escape(String word) {
            String escaped = word.replace("*", "\\*");
            Matcher m = UNDERSCORES.matcher(ParseSteps.counted(escaped));
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String replacement = m.group(2) != null ? m.group(1) + m.group(2).replace("_", "\\_")
                        : m.group(3).replace("_", "\\_") + m.group(4);
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(out);
            return out.toString();
        }

        /** A code span as prettier prints it; a line break inside it is printed as it is, without indentation. */
        private static String inlineCode(String value) {
            int backticks = minAbsentRun(value);
            String style = "`".repeat(Math.max(backticks, 1));
            String gap = backticks > 0 && !value.isEmpty() && !JsText.isWhitespace(value.charAt(0)) ? " " : "";
            return (style + gap + value + gap + style).replace("\n", "\n" + RAW);
        }

        /** The smallest run length of backticks that does not occur in {@code value}; 0 when there are none. */
        private static int minAbsentRun(String value) {
            List<Integer> runs = new ArrayList<>();
            int index = 0;
            while (index < value.length()) {
                if (value.charAt(index) != '`') {
                    index++;
                    continue;
                }
                int start = index;
                while (index < value.length() && value.charAt(index) == '`') {
                    index++;
                }
                runs.add(index - start);
            }
            if (runs.isEmpty()) {
                return 0;
            }
            int max = runs.stream().mapToInt(Integer::intValue).max().orElse(0);
            for (int i = 1; i < max; i++) {
                if (!runs.contains(i)) {
                    return i;
                }
            }
            return max + 1;
        }

        private static String trimTrailingBlanks(String line) {
            int end = line.length();
            while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
                end--;
            }
            return line.substring(0, end);
        }
    }
}

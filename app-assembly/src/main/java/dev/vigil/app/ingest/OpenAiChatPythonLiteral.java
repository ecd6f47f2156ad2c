package dev.vigil.app.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;

/**
 * Reads a Python literal such as {@code [{'id': 'c1', 'function': {'name': 'search', 'arguments': '{"q": 1}'}}]}
 * (what {@code str(list_of_dicts)} prints) into a Jackson tree, without evaluating anything.
 *
 * <p>Why: AgentProcessBench stores assistant {@code tool_calls} as the Python {@code repr} of the list. Only literal
 * syntax is accepted: dicts, lists, tuples, strings (single, double or triple quoted, with the usual escapes and the
 * {@code r}/{@code u}/{@code b} prefixes), integers, floats, {@code True}/{@code False}/{@code None} and, for JSON
 * text, {@code true}/{@code false}/{@code null}. Dict keys become strings.
 */
final class OpenAiChatPythonLiteral {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Deep enough for any real tool-call list, shallow enough that hostile input cannot exhaust the stack. */
    private static final int MAX_DEPTH = 200;

    private final String text;
    private int pos;

    private OpenAiChatPythonLiteral(String text) {
        this.text = text;
    }

    /**
     * Parses {@code text} as one Python literal.
     *
     * @throws IllegalArgumentException naming the character offset when {@code text} is not a literal
     */
    static JsonNode parse(String text) {
        OpenAiChatPythonLiteral parser = new OpenAiChatPythonLiteral(text);
        JsonNode value = parser.value(0);
        parser.skipSpace();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected text after the literal");
        }
        return value;
    }

    private JsonNode value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
        skipSpace();
        if (pos >= text.length()) {
            throw error("unexpected end of text");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return dict(depth);
            case '[':
                return sequence(depth, ']');
            case '(':
                return sequence(depth, ')');
            case '\'':
            case '"':
                return NODES.textNode(string(false));
            default:
                break;
        }
        if ((c == 'r' || c == 'R' || c == 'u' || c == 'U' || c == 'b' || c == 'B') && pos + 1 < text.length()) {
            char next = text.charAt(pos + 1);
            if (next == '\'' || next == '"') {
                pos++;
                return NODES.textNode(string(c == 'r' || c == 'R'));
            }
        }
        if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
            return number();
        }
        String word = word();
        switch (word) {
            case "True":
            case "true":
                return NODES.booleanNode(true);
            case "False":
            case "false":
                return NODES.booleanNode(false);
            case "None":
            case "null":
                return NODES.nullNode();
            default:
                throw error(word.isEmpty() ? "unexpected character '" + c + "'" : "'" + word + "' is not a literal");
        }
    }

    private ObjectNode dict(int depth) {
        ObjectNode object = NODES.objectNode();
        pos++; // {
        while (true) {
            skipSpace();
            if (peek() == '}') {
                pos++;
                return object;
            }
            JsonNode key = value(depth + 1);
            if (key.isContainerNode()) {
                throw error("a dict key must be a string, number or constant");
            }
            skipSpace();
            expect(':');
            JsonNode item = value(depth + 1);
            object.set(key.asText(), item);
            skipSpace();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c != '}') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private ArrayNode sequence(int depth, char close) {
        ArrayNode array = NODES.arrayNode();
        pos++; // [ or (
        while (true) {
            skipSpace();
            if (peek() == close) {
                pos++;
                return array;
            }
            array.add(value(depth + 1));
            skipSpace();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c != close) {
                throw error("expected ',' or '" + close + "'");
            }
        }
    }

    private String string(boolean raw) {
        char quote = text.charAt(pos);
        boolean triple = text.startsWith(String.valueOf(quote).repeat(3), pos);
        pos += triple ? 3 : 1;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos);
            if (c == quote && (!triple || text.startsWith(String.valueOf(quote).repeat(3), pos))) {
                pos += triple ? 3 : 1;
                return out.toString();
            }
            if (!triple && c == '\n') {
                throw error("unterminated string");
            }
            if (c == '\\' && pos + 1 < text.length()) {
                if (raw) {
                    out.append(c).append(text.charAt(pos + 1));
                    pos += 2;
                } else {
                    escape(out);
                }
                continue;
            }
            out.append(c);
            pos++;
        }
    }

    private void escape(StringBuilder out) {
        char e = text.charAt(pos + 1);
        pos += 2;
        switch (e) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'v' -> out.append('\u000b');
            case 'a' -> out.append('\u0007');
            case '0' -> out.append('\0');
            case '\n' -> {
                // A backslash before a newline continues the string on the next line.
            }
            case 'x' -> out.appendCodePoint(hex(2));
            case 'u' -> out.appendCodePoint(hex(4));
            case 'U' -> out.appendCodePoint(hex(8));
            default -> out.append(e); // \\ \' \" and, as Python does, any other character kept as written
        }
    }

    private int hex(int digits) {
        if (pos + digits > text.length()) {
            throw error("truncated escape");
        }
        int value;
        try {
            value = Integer.parseUnsignedInt(text.substring(pos, pos + digits), 16);
        } catch (NumberFormatException e) {
            throw error("invalid escape");
        }
        if (!Character.isValidCodePoint(value)) {
            throw error("invalid escape");
        }
        pos += digits;
        return value;
    }

    private JsonNode number() {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eExXabcdefABCDEF_jJ".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String literal = text.substring(start, pos).replace("_", "");
        try {
            if (literal.matches("[+-]?\\d+")) {
                BigInteger value = new BigInteger(literal);
                // The smallest node type that holds the value, as Jackson's own JSON reader picks.
                if (value.bitLength() < 32) {
                    return NODES.numberNode(value.intValue());
                }
                return value.bitLength() < 64 ? NODES.numberNode(value.longValue()) : NODES.numberNode(value);
            }
            if (literal.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                double value = Double.parseDouble(literal);
                if (Double.isFinite(value)) {
                    return NODES.numberNode(value);
                }
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        pos = start;
        throw error("'" + literal + "' is not a number literal");
    }

    private String word() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("unexpected end of text");
        }
        return text.charAt(pos);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException(problem + " at offset " + pos);
    }
}

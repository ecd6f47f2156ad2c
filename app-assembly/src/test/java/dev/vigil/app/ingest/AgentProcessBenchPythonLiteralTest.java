package dev.vigil.app.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The Python-literal reader behind AgentProcessBench's {@code tool_calls} strings: literals only, never code. */
class AgentProcessBenchPythonLiteralTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void readsTheReprOfAToolCallList() throws IOException {
        assertReads(
                "[{'id': 'c1', 'type': 'function', 'function': {'name': 'search', 'arguments': '{\"q\": 1}'}}]",
                "[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"search\",\"arguments\":\"{\\\"q\\\": 1}\"}}]");
    }

    @Test
    void readsConstantsNumbersTuplesAndTrailingCommas() throws IOException {
        assertReads("[True, False, None, 1, -2.5, 1e3, (1, 2), [],]", "[true,false,null,1,-2.5,1000.0,[1,2],[]]");
        assertReads("[true, false, null]", "[true,false,null]");
    }

    @Test
    void readsBothQuoteStylesAndKeysOfAnyConstant() throws IOException {
        assertReads(
                "{\"a\": \"it's\", 'b': 'say \"hi\"', 1: 'x'}",
                "{\"a\":\"it's\",\"b\":\"say \\\"hi\\\"\",\"1\":\"x\"}");
    }

    @Test
    void readsEscapesPrefixesAndTripleQuotes() throws IOException {
        assertReads("'tab\\tnew\\nline'", "\"tab\\tnew\\nline\"");
        assertReads("'\\x41\\u00e9\\U0001F600'", "\"A\u00e9\uD83D\uDE00\"");
        assertReads("r'raw\\n'", "\"raw\\\\n\"");
        assertReads("u'uni'", "\"uni\"");
        assertReads("'it\\'s'", "\"it's\"");
        assertReads("'''tri'ple'''", "\"tri'ple\"");
    }

    @Test
    void rejectsAnythingButALiteral() {
        assertRejects("__import__('os').system('x')", "'__import__' is not a literal at offset 10");
        assertRejects("[1, 2", "unexpected end of text at offset 5");
        assertRejects("{'a' 1}", "expected ':' at offset 5");
        assertRejects("'open", "unterminated string at offset 5");
        assertRejects("[1] [2]", "unexpected text after the literal at offset 4");
        assertRejects("0x1F", "'0x1F' is not a number literal at offset 0");
        assertRejects("{[1]: 2}", "a dict key must be a string, number or constant at offset 4");
        assertRejects("1e999", "'1e999' is not a number literal at offset 0");
    }

    @Test
    void deepNestingIsRejectedInsteadOfOverflowingTheStack() {
        String deep = "[".repeat(100_000);
        assertThrows(IllegalArgumentException.class, () -> OpenAiChatPythonLiteral.parse(deep));
    }

    @Property(tries = 300)
    void anyTextEitherParsesOrIsRejectedWithAnIllegalArgumentException(@ForAll String text) {
        try {
            OpenAiChatPythonLiteral.parse(text);
        } catch (IllegalArgumentException e) {
            // the only way to reject
        }
    }

    private static void assertReads(String literal, String json) throws IOException {
        assertEquals(MAPPER.readTree(json), OpenAiChatPythonLiteral.parse(literal), literal);
    }

    private static void assertRejects(String text, String message) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> OpenAiChatPythonLiteral.parse(text));
        assertEquals(message, e.getMessage());
    }
}

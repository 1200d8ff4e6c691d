package io.sealtrail.verify.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.verify.event.JsonLineLexer.Malformed;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonLineLexerTest {
    private static final KeyTable KEYS = KeyTable.of("seq", "session", "time");

    /** A lexer over {@code json}, placed after two bytes of other text so offsets are exercised. */
    private static JsonLineLexer lexer(String json) {
        byte[] text = ("#!" + json + "#").getBytes(StandardCharsets.UTF_8);
        JsonLineLexer lex = new JsonLineLexer();
        lex.reset(text, 2, text.length - 3);
        return lex;
    }

    @Test
    void aStringWithoutEscapesIsLeftInPlace() throws Malformed {
        JsonLineLexer lex = lexer("  \"zoë\" ");

        assertThat(lex.string()).isEqualTo(JsonLineLexer.PLAIN);
        assertThat(lex.stringStart()).isEqualTo(5);
        assertThat(lex.stringLength()).isEqualTo(4);
        assertThat(lex.stringText(JsonLineLexer.PLAIN)).isEqualTo("zoë");
    }

    @Test
    void aStringWithEscapesIsDecoded() throws Malformed {
        JsonLineLexer lex = lexer("\"a\\\"b\\\\c\\/\\n\\t\\u00e9\\ud83d\\ude00 end\"");

        assertThat(lex.string()).isEqualTo(JsonLineLexer.DECODED);
        assertThat(lex.decoded()).isEqualTo("a\"b\\c/\n\té\uD83D\uDE00 end");
        assertThat(lex.atEnd()).isTrue();
    }

    @Test
    void aValueThatIsNoStringIsLeftUnread() throws Malformed {
        JsonLineLexer lex = lexer(" null");

        assertThat(lex.string()).isEqualTo(JsonLineLexer.NOT_STRING);
        assertThat(lex.literal("null")).isTrue();
    }

    @Test
    void theWordScanStopsAtTheFirstQuoteBackslashOrControlByteAtAnyOffset() {
        for (char stop : new char[] {'"', '\\', '\u0001', '\u001f'}) {
            for (int at = 0; at < 20; at++) {
                String s = "é".repeat(at / 2) + "x".repeat(at % 2) + stop + "\"abc";
                JsonLineLexer lex = lexer(s);
                int len = ("é".repeat(at / 2) + "x".repeat(at % 2)).getBytes(StandardCharsets.UTF_8).length;

                assertThat(lex.scanString(2)).as("stop %x after %d bytes", (int) stop, len).isEqualTo(2 + len);
            }
        }
    }

    @Test
    void theWordScanRunsToTheEndWhenNothingStopsIt() {
        JsonLineLexer lex = lexer("abcdefghijklmnopé ~\u007f");

        assertThat(lex.scanString(2)).isEqualTo(2 + "abcdefghijklmnopé ~\u007f".getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void aControlCharacterInAStringIsASyntaxError() {
        JsonLineLexer lex = lexer("\"a\\nb\u0001\"");

        assertThatThrownBy(lex::string).isInstanceOf(Malformed.class)
                .hasMessage("control character in a string (must be escaped)");
        assertThat(lex.column()).isEqualTo(6);
    }

    @Test
    void anUnterminatedStringIsASyntaxError() {
        assertThatThrownBy(lexer("\"abc")::string).isInstanceOf(Malformed.class).hasMessage("unterminated string");
        assertThatThrownBy(lexer("\"abc\\")::string).isInstanceOf(Malformed.class).hasMessage("unterminated string");
    }

    @Test
    void badEscapesAreSyntaxErrors() {
        assertThatThrownBy(lexer("\"\\x\"")::string).isInstanceOf(Malformed.class).hasMessage("invalid escape in a string");
        assertThatThrownBy(lexer("\"\\u12g4\"")::string).isInstanceOf(Malformed.class).hasMessage("invalid \\u escape");
        assertThatThrownBy(lexer("\"\\u12")::string).isInstanceOf(Malformed.class).hasMessage("truncated \\u escape");
    }

    @Test
    void aKnownKeyIsFoundByItsIndex() throws Malformed {
        JsonLineLexer lex = lexer(" \"session\" : 1");

        assertThat(lex.key(KEYS)).isEqualTo(1);
        lex.ws();
        assertThat(lex.peek()).isEqualTo('1');
    }

    @Test
    void anEscapedKnownKeyIsFoundToo() throws Malformed {
        assertThat(lexer("\"s\\u0065q\":1").key(KEYS)).isEqualTo(0);
    }

    @Test
    void anUnknownKeyIsNamed() throws Malformed {
        JsonLineLexer lex = lexer("\"seqx\":1");

        assertThat(lex.key(KEYS)).isEqualTo(-1);
        assertThat(lex.key()).isEqualTo("seqx");
    }

    @Test
    void aKeyThatSharesASlotWithAKnownKeyIsStillUnknown() throws Malformed {
        JsonLineLexer lex = lexer("\"tome\":1");

        assertThat(lex.key(KeyTable.of("time", "prev"))).isEqualTo(-1);
        assertThat(lex.key()).isEqualTo("tome");
    }

    @Test
    void keysOfTheSameLengthAndFirstByteCannotShareASet() {
        assertThatThrownBy(() -> KeyTable.of("name", "note")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyNeedsQuotesAndAColon() {
        assertThatThrownBy(() -> lexer("seq:1").key(KEYS)).isInstanceOf(Malformed.class)
                .hasMessage("expected a key in double quotes");
        assertThatThrownBy(() -> lexer("\"seq\" 1").key(KEYS)).isInstanceOf(Malformed.class)
                .hasMessage("expected ':' after a key");
    }

    @Test
    void membersAreSeparatedByCommasAndEndWithABrace() throws Malformed {
        JsonLineLexer lex = lexer(" , }");

        assertThat(lex.nextMember()).isTrue();
        assertThat(lex.nextMember()).isFalse();
        assertThat(lexer(" }").firstMember()).isFalse();
        assertThatThrownBy(lexer(" ")::nextMember).isInstanceOf(Malformed.class).hasMessage("unterminated object");
        assertThatThrownBy(lexer(" ]")::nextMember).isInstanceOf(Malformed.class)
                .hasMessage("expected ',' or '}' after a value");
    }

    @Test
    void elementsAreSeparatedByCommasAndEndWithABracket() throws Malformed {
        JsonLineLexer lex = lexer(" , ]");

        assertThat(lex.nextElement()).isTrue();
        assertThat(lex.nextElement()).isFalse();
        assertThat(lexer(" ]").firstElement()).isFalse();
        assertThatThrownBy(lexer("")::nextElement).isInstanceOf(Malformed.class).hasMessage("unterminated array");
        assertThatThrownBy(lexer("}")::nextElement).isInstanceOf(Malformed.class)
                .hasMessage("expected ',' or ']' in an array");
    }

    @Test
    void numbersFollowTheRfc8259Grammar() throws Malformed {
        for (String ok : new String[] {"0", "-0", "7", "12.5", "1e3", "1E+3", "-2.5e-3"}) {
            JsonLineLexer lex = lexer(ok + ",");
            lex.number();
            assertThat(lex.peek()).as(ok).isEqualTo(',');
        }
        for (String bad : new String[] {"-", "1.", "1.e3", "1e", "1e+", "12a", "0x1"}) {
            assertThatThrownBy(lexer(bad)::number).as(bad).isInstanceOf(Malformed.class).hasMessage("invalid number");
        }
        assertThatThrownBy(lexer("01")::number).isInstanceOf(Malformed.class).hasMessage("number with a leading zero");
    }

    @Test
    void onlyIntegersFromZeroTo2Pow63Minus1AreNonNegativeIntegers() throws Malformed {
        assertThat(integer("0")).isZero();
        assertThat(integer("-0")).isZero();
        assertThat(integer("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(integer("9223372036854775808")).isEqualTo(-1);
        assertThat(integer("-1")).isEqualTo(-1);
        assertThat(integer("1.0")).isEqualTo(-1);
        assertThat(integer("1e3")).isEqualTo(-1);
    }

    private static long integer(String number) throws Malformed {
        JsonLineLexer lex = lexer(number);
        return lex.nonNegativeInteger(lex.number());
    }

    @Test
    void aLiteralMustEndAtADelimiter() {
        assertThat(lexer("null").literal("null")).isTrue();
        assertThat(lexer("true}").literal("true")).isTrue();
        assertThat(lexer("nullx").literal("null")).isFalse();
        assertThat(lexer("nul").literal("null")).isFalse();
        assertThatThrownBy(() -> lexer("fals").expectLiteral("false")).isInstanceOf(Malformed.class)
                .hasMessage("invalid literal (expected false)");
    }

    @Test
    void anUnexpectedByteIsShownPrintableOrInHex() {
        assertThat(lexer("x").unexpected()).hasMessage("unexpected character 'x'");
        assertThat(lexer("\u0001").unexpected()).hasMessage("unexpected character '\\x01'");
    }

    @Test
    void theColumnCountsFromTheStartOfTheLine() {
        JsonLineLexer lex = lexer("   x");

        lex.ws();

        assertThat(lex.column()).isEqualTo(4);
    }
}
